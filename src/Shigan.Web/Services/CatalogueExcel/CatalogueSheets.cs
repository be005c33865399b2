namespace Shigan.Web.Services.CatalogueExcel;

/// <summary>
/// The catalogue workbook's layout, the same for export and import: three sheets with Chinese headers people fill in
/// Excel or WPS. 停用 is optional on import: without it, whether an item or bundle is active is left as it was.
/// </summary>
public static class CatalogueSheets
{
    public const string Items = "事项";
    public const string Materials = "材料";
    public const string Bundles = "一件事";

    public const string Code = "编码";
    public const string Name = "名称";
    public const string Department = "部门";
    public const string LegalDays = "法定时限";
    public const string PromisedDays = "承诺时限";
    public const string Channels = "办理渠道";
    public const string Visits = "到现场次数";
    public const string Fee = "收费";
    public const string Prerequisites = "前置事项";
    public const string Inactive = "停用";

    public const string ItemCode = "事项编码";
    public const string MaterialName = "材料名称";
    public const string Form = "原件/复印件";
    public const string IssuedByItem = "出具事项编码";
    public const string IssuedByDepartment = "出具部门";
    public const string HeldByCitizen = "申请人自有";

    public const string Description = "说明";

    public const string Yes = "是";
    public const string Original = "原件";
    public const string Copy = "复印件";

    public static IReadOnlyList<string> ItemColumns { get; } = [Code, Name, Department, LegalDays, PromisedDays, Channels, Visits, Fee, Prerequisites, Inactive];

    public static IReadOnlyList<string> MaterialColumns { get; } = [ItemCode, MaterialName, Form, IssuedByItem, IssuedByDepartment, HeldByCitizen];

    public static IReadOnlyList<string> BundleColumns { get; } = [Code, Name, Description, ItemCode, Inactive];

    /// <summary>Columns a workbook may leave out.</summary>
    public static IReadOnlySet<string> Optional { get; } = new HashSet<string>(StringComparer.Ordinal) { Inactive, Description };

    /// <summary>Several codes in one cell, as people separate them.</summary>
    public static IReadOnlyList<string> SplitCodes(string? text) =>
        [.. (text ?? "").Split(['、', '，', ',', '；', ';', ' ', '\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// A text that starts like a formula (=, +, -, @, or a tab or return before one) could run when the sheet is opened
    /// or saved on as CSV: a leading apostrophe keeps it text. Import takes the apostrophe off again.
    /// </summary>
    public static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Live(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
