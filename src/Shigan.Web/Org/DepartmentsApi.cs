using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Org;

/// <summary>/api/departments</summary>
public static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Org");
        group.MapGet("/", List);
        group.MapGet("/{departmentId:int}", Get);
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageDepartments);
        group.MapPut("/{departmentId:int}", Update).RequireAuthorization(Policies.ManageDepartments);
        return api;
    }

    public static async Task<Ok<Page<DepartmentItem>>> List(
        ShiganDb db, string? q, int? regionId, Platform? platform, DepartmentKind? kind, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await DepartmentCommands.ListAsync(db, q, regionId, platform, kind, page, pageSize, ct));

    public static async Task<Results<Ok<DepartmentItem>, NotFound>> Get(ShiganDb db, int departmentId, CancellationToken ct) =>
        await DepartmentCommands.GetAsync(db, departmentId, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<Results<Created<DepartmentItem>, ValidationProblem>> Create(
        ShiganDb db, DepartmentInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (department, errors) = await DepartmentCommands.CreateAsync(db, input, ct);
        return department is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/departments/{department.Id}", department);
    }

    public static async Task<Results<Ok<DepartmentItem>, NotFound, ValidationProblem>> Update(
        ShiganDb db, int departmentId, DepartmentInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (department, errors) = await DepartmentCommands.UpdateAsync(db, departmentId, input, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        return department is null ? TypedResults.NotFound() : TypedResults.Ok(department);
    }
}
