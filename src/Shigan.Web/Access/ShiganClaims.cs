namespace Shigan.Web.Access;

/// <summary>The claims an account's cookie carries beside its id and role.</summary>
public static class ShiganClaims
{
    public const string UnitId = "shigan:unit";
    public const string UnitPath = "shigan:unit_path";
    public const string DisplayName = "shigan:name";
    public const string UnitName = "shigan:unit_name";
    public const string DepartmentId = "shigan:department";
}
