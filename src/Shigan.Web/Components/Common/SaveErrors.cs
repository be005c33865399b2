using Microsoft.EntityFrameworkCore;
using Shigan.Data.Access;

namespace Shigan.Web.Components.Common;

/// <summary>Known save failures, told in a sentence instead of breaking the circuit.</summary>
public static class SaveErrors
{
    public static string? Message(Exception exception) => exception switch
    {
        // Worded like a missing record, as the API does: nobody learns whether another unit's record exists.
        OutOfScopeException => "该记录不存在或您无权修改",
        DbUpdateConcurrencyException => "记录已被他人修改，请刷新后重试",
        DbUpdateException => "与现有记录冲突，请检查后重试",
        _ => null,
    };
}
