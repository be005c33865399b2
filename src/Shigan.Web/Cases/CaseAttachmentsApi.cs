using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Hosting;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

/// <summary>
/// /api/cases/{id}/attachments — photos and documents on a case for signed-in staff; /api/cases/with-photos and
/// /public/cases/with-photos — a report with its photos, as multipart/form-data (the JSON reports stay as they are).
/// The form is read by hand, after the case is found in scope: a foreign case answers 404 whatever was sent, and no
/// antiforgery token is asked of API clients (the cookie is SameSite=Lax, as for every other /api write).
/// </summary>
public static class CaseAttachmentsApi
{
    /// <summary>Nine photos of 5 MB and the form around them; more is refused with 413 before it is read.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>A citizen's three photos and the report's fields.</summary>
    public const long MaxPublicUploadBytes = 20L * 1024 * 1024;

    public static RouteGroupBuilder MapCaseAttachmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapGet("/{caseId:long}/attachments", List);
        group.MapGet("/{caseId:long}/attachments/{attachmentId:long}", Download);
        group.MapPost("/{caseId:long}/attachments", Add)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        group.MapPost("/with-photos", Report)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        return api;
    }

    public static void MapPublicCaseAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/public/cases/with-photos", PublicReport).WithTags("Public").AllowAnonymous().RequireRateLimiting(ShiganHost.PublicLimiter)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxPublicUploadBytes));
    }

    public static async Task<Results<Ok<List<AttachmentItem>>, NotFound>> List(ShiganDb db, long caseId, CancellationToken ct) =>
        await CaseAttachments.ListAsync(db, caseId, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    /// <summary>
    /// The stored bytes with the type found in them, never one the sender claimed; nosniff and a sandbox keep a
    /// browser from reading them as anything else. Pictures open in place, documents download.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Download(
        HttpContext http, ShiganDb db, long caseId, long attachmentId, CancellationToken ct)
    {
        if (await CaseAttachments.ContentAsync(db, caseId, attachmentId, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return StoredFiles.Send(http, file.Content, file.ContentType, file.FileName, file.Sha256, inline: AttachmentRules.IsImage(file.ContentType));
    }

    /// <summary>Adds files (form fields <c>files</c>, optional <c>note</c> and <c>version</c>) with one history entry.</summary>
    public static async Task<Results<Created<List<AttachmentItem>>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Add(
        HttpRequest request, CaseAttachments attachments, ShiganDb db, long caseId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        // Scope and role first: what was sent does not matter for a case the caller may not add to.
        switch (await attachments.RefusalAsync(caseId, ct))
        {
            case ActOutcome.NotFound:
                return TypedResults.NotFound();
            case ActOutcome.Forbidden:
                return TypedResults.Forbid();
        }

        var (form, unreadable) = await ReadFormAsync(request, MaxUploadBytes, text, ct);
        if (form is null)
        {
            return unreadable!;
        }

        int? version = int.TryParse(form["version"], CultureInfo.InvariantCulture, out var v) ? v : null;
        if (!string.IsNullOrEmpty(form["version"]) && version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [text["版本号无效"]] });
        }

        var files = await FilesAsync(form, ct);
        var (outcome, errors, entryId) = await attachments.AddAsync(caseId, files, form["note"], version, ct);
        return outcome switch
        {
            ActOutcome.NotFound => TypedResults.NotFound(),
            ActOutcome.Forbidden => TypedResults.Forbid(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Created($"/api/cases/{caseId}/attachments", (await CaseAttachments.ItemsAsync(db, caseId, ct)).Where(a => a.CaseEventId == entryId).ToList()),
        };
    }

    /// <summary>A report taken by staff with its photos: the fields of <see cref="ReportInput"/> as form fields, and <c>files</c>.</summary>
    public static async Task<Results<Created<ReportReceipt>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Report(
        HttpRequest request, CaseAttachments attachments, CurrentActor actor, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (actor.Role is not { } role || !CaseRoles.MayReport(role))
        {
            return TypedResults.Forbid();
        }

        var (form, unreadable) = await ReadFormAsync(request, MaxUploadBytes, text, ct);
        if (form is null)
        {
            return unreadable!;
        }

        var (input, formErrors) = InputOf(form);
        if (formErrors is not null)
        {
            return TypedResults.ValidationProblem(formErrors.Localized(text));
        }

        // The same channels as the JSON report (CasesApi.Report): a grid worker's patrol, else the window or the hotline.
        var source = role == Role.GridWorker ? CaseSource.GridWorker
            : input.Source is CaseSource.Hotline ? CaseSource.Hotline
            : CaseSource.Window;
        var (receipt, errors) = await attachments.ReportAsync(input with { Source = source }, source, await FilesAsync(form, ct), AttachmentRules.MaxFilesPerUpload, ct);
        return receipt is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/cases/{receipt.Id}", receipt);
    }

    /// <summary>A citizen's report with up to three photos; the answer names no one, as for the JSON report.</summary>
    public static async Task<Results<Created<PublicReceipt>, ValidationProblem, ProblemHttpResult>> PublicReport(
        HttpRequest request, CaseAttachments attachments, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (form, unreadable) = await ReadFormAsync(request, MaxPublicUploadBytes, text, ct);
        if (form is null)
        {
            return unreadable!;
        }

        var (input, formErrors) = InputOf(form);
        if (formErrors is not null)
        {
            return TypedResults.ValidationProblem(formErrors.Localized(text));
        }

        var (receipt, errors) = await attachments.ReportAsync(
            input with { Source = CaseSource.Web }, CaseSource.Web, await FilesAsync(form, ct), AttachmentRules.MaxFilesPerPublicReport, ct);
        return receipt is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/public/cases/{receipt.TrackingNumber}", new PublicReceipt(receipt.TrackingNumber, receipt.DeadlineUtc));
    }

    /// <summary>The form, or the problem that kept it from being read: not a form (415), too large (413), malformed (400).</summary>
    internal static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(
        HttpRequest request, long maxBytes, IStringLocalizer text, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(
            text["上传的内容不能超过 {0} MB", maxBytes / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large");
        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem(text["请以 multipart/form-data 表单上传"], statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a declared length stopped by the server's limit for this endpoint.
            return (null, tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // IOException: a multipart body that ends before its closing boundary (or names another boundary).
            return (null, TypedResults.Problem(text["表单无法读取"], statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static async Task<List<IncomingFile>> FilesAsync(IFormCollection form, CancellationToken ct)
    {
        var files = new List<IncomingFile>();
        foreach (var file in form.Files.GetFiles("files"))
        {
            files.Add(await IncomingFile.ReadAsync(file, ct));
        }

        return files;
    }

    // The report's fields as the JSON body names them; a number that is not one is a field error, not a 500.
    private static (ReportInput Input, Api.FieldErrors? Errors) InputOf(IFormCollection form)
    {
        var errors = new Api.FieldErrors();
        int? regionId = null;
        if (Given(form, "regionId") is { } region)
        {
            regionId = int.TryParse(region, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            if (regionId is null)
            {
                errors.Add("regionId", "所在地点不存在");
            }
        }

        var latitude = Coordinate(form, "latitude", errors);
        var longitude = Coordinate(form, "longitude", errors);
        CaseSource? source = Enum.TryParse<CaseSource>(form["source"], ignoreCase: true, out var s) ? s : null;
        var input = new ReportInput(
            form["categoryCode"], regionId, form["address"], latitude, longitude, form["description"], form["reporterName"], form["reporterPhone"], source);
        return (input, errors.Any ? errors : null);
    }

    private static string? Given(IFormCollection form, string field) => form[field].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static double? Coordinate(IFormCollection form, string field, Api.FieldErrors errors)
    {
        if (Given(form, field) is not { } raw)
        {
            return null;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add("latitude", "经纬度不正确");
        return null;
    }
}
