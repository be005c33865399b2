using Shigan.Web.Services.Catalogue;

namespace Shigan.Web.Services.CatalogueExcel;

/// <summary>One mistake in the workbook: sheet, row (1 is the header), the column's header and letter, what is wrong and the value.</summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string? Letter, string Message, string? Value = null)
{
    /// <summary>Where, as Excel names a cell (事项!C5), or the sheet's row when the column is missing.</summary>
    public string Address => $"{Sheet}!{Letter}{Row}";
}

public sealed record ImportSummary(
    int ItemsAdded, int ItemsChanged, int ItemsUnchanged, int BundlesAdded, int BundlesChanged, int BundlesUnchanged, IReadOnlyList<CatalogueWarning> Warnings);

/// <summary>What an import did: a summary when it was saved, else the file's problem or the list of mistakes (nothing saved).</summary>
public sealed record ImportResult(ImportSummary? Summary, string? FileProblem, IReadOnlyList<ImportProblem> Problems);
