using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Services.CatalogueExcel;

/// <summary>
/// GET /api/services/catalogue/export — the catalogue as a workbook, for anyone signed in; POST
/// /api/services/catalogue/import — the county's workbook back (multipart form, field <c>file</c>).
/// </summary>
public static class CatalogueExcelApi
{
    public static RouteGroupBuilder MapCatalogueExcelApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/services/catalogue").WithTags("Services");
        group.MapGet("/export", Export);
        group.MapPost("/import", Import)
            .RequireAuthorization(Policies.ManageCatalogue)
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(XlsxGuard.MaxUploadBytes + (64 * 1024)));
        return api;
    }

    public static async Task<FileContentHttpResult> Export(ShiganDb db, TimeProvider clock, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var name = $"{text["事项目录"]}-{ChinaTime.DateOf(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.File(await CatalogueWorkbook.ExportAsync(db, ct), CatalogueWorkbook.ContentType, name);
    }

    /// <summary>
    /// 200 with what was added and changed; 400 with one field error per cell (key 事项!C5) and nothing written, or with
    /// the file's problem (not a workbook, damaged, unpacks too large); 413 past the size limit.
    /// </summary>
    public static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, ShiganDb db, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (bytes, unreadable) = await ReadFileAsync(request, text, ct);
        if (bytes is null)
        {
            return unreadable!;
        }

        var result = await CatalogueImport.RunAsync(db, bytes, ct);
        if (result.FileProblem is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text[problem]] }, title: text[problem]);
        }

        if (result.Summary is null)
        {
            return TypedResults.ValidationProblem(
                result.Problems.GroupBy(p => p.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => Message(p, text)).ToArray(), StringComparer.Ordinal),
                title: text["导入未完成：工作簿有错误，未写入任何内容"]);
        }

        var summary = result.Summary;
        return TypedResults.Ok(summary with { Warnings = [.. summary.Warnings.Select(w => w with { Message = text[w.Message] })] });
    }

    /// <summary>"“事项”表第 5 行“部门”列：部门不存在：某某局", in the user's language.</summary>
    public static string Message(ImportProblem problem, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        var what = Catalogue.CatalogueProblems.Message(new(problem.Column, problem.Message, problem.Value), text);
        return problem.Column.Length == 0
            ? text["“{0}”表第 {1} 行：{2}", problem.Sheet, problem.Row, what]
            : text["“{0}”表第 {1} 行“{2}”列：{3}", problem.Sheet, problem.Row, problem.Column, what];
    }

    private static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request, IStringLocalizer text, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(text["文件太大，目录工作簿不能超过 5 MB"], statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large");
        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem(text["请以 multipart/form-data 表单上传"], statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > XlsxGuard.MaxUploadBytes + (64 * 1024))
        {
            return (null, tooLarge);
        }

        try
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                return (null, TypedResults.Problem(text["请选择要导入的 Excel 文件"], statusCode: StatusCodes.Status400BadRequest));
            }

            if (file.Length > XlsxGuard.MaxUploadBytes)
            {
                return (null, tooLarge);
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            return (stream.ToArray(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, TypedResults.Problem(text["表单无法读取"], statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
