using Microsoft.Extensions.Localization;
using Shigan.Web.Localization;

namespace Shigan.Web.Api;

/// <summary>
/// Refuses an API request whose query carries a control character, with a field error naming the parameter: no filter
/// or search means one, and PostgreSQL refuses a NUL in a text parameter outright (a 500 otherwise).
/// </summary>
public sealed class QueryTextFilter(IStringLocalizer<UiText> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new FieldErrors();
        foreach (var (name, values) in context.HttpContext.Request.Query)
        {
            if (values.Any(v => v is not null && v.Any(char.IsControl)))
            {
                errors.Add(name, "含有不可见的控制字符");
            }
        }

        return errors.Any ? TypedResults.ValidationProblem(errors.Localized(text)) : await next(context);
    }
}
