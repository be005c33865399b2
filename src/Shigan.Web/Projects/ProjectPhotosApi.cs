using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Projects;

/// <summary>
/// /api/projects/{id}/photos: a project's photos, listed, downloaded, and added as multipart/form-data (field
/// <c>files</c>). The form is read only after the project is found in scope, as for a case's photos.
/// </summary>
public static class ProjectPhotosApi
{
    public static RouteGroupBuilder MapProjectPhotosApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/{projectId:int}/photos", List);
        group.MapGet("/{projectId:int}/photos/{photoId:long}", Download);
        group.MapPost("/{projectId:int}/photos", Add).RequireAuthorization(Policies.ManageProjects)
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(CaseAttachmentsApi.MaxUploadBytes));
        return api;
    }

    public static async Task<Results<Ok<List<PhotoItem>>, NotFound>> List(ShiganDb db, int projectId, CancellationToken ct) =>
        await ProjectPhotos.ListAsync(db, projectId, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    /// <summary>The stored bytes with the type found in them; nosniff and a sandbox, as for a case's photos.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Download(HttpContext http, ShiganDb db, int projectId, long photoId, CancellationToken ct)
    {
        if (await ProjectPhotos.ContentAsync(db, projectId, photoId, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return StoredFiles.Send(http, file.Content, file.ContentType, file.FileName, file.Sha256, inline: true);
    }

    public static async Task<Results<Created<List<PhotoItem>>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Add(
        HttpRequest request, ProjectPhotos photos, ShiganDb db, int projectId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        // Scope and role first: what was sent does not matter for a project the caller may not add to.
        switch (await photos.RefusalAsync(projectId, ct))
        {
            case ProjectOutcome.NotFound:
                return TypedResults.NotFound();
            case ProjectOutcome.Forbidden:
                return TypedResults.Forbid();
        }

        var (form, unreadable) = await CaseAttachmentsApi.ReadFormAsync(request, CaseAttachmentsApi.MaxUploadBytes, text, ct);
        if (form is null)
        {
            return unreadable!;
        }

        var files = new List<IncomingFile>();
        foreach (var file in form.Files.GetFiles("files"))
        {
            files.Add(await IncomingFile.ReadAsync(file, ct));
        }

        var (outcome, errors, ids) = await photos.AddAsync(projectId, files, ct);
        return outcome switch
        {
            ProjectOutcome.NotFound => TypedResults.NotFound(),
            ProjectOutcome.Forbidden => TypedResults.Forbid(),
            ProjectOutcome.Done => TypedResults.Created($"/api/projects/{projectId}/photos", (await ProjectPhotos.ListAsync(db, projectId, ct))!.Where(p => ids.Contains(p.Id)).ToList()),
            _ => TypedResults.ValidationProblem(errors.Localized(text)),
        };
    }
}
