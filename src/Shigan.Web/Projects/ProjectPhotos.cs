using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;

namespace Shigan.Web.Projects;

/// <summary>
/// Photos of a project's works. Every file is checked by its own bytes (<see cref="AttachmentRules"/>, the case photos'
/// rules) and must be a JPEG, PNG or WebP; then all are stored with one history entry in one save, or none.
/// </summary>
public sealed class ProjectPhotos(ShiganDb db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Whether the caller may add photos to the project at all: asked before an upload is read.</summary>
    public async Task<ProjectOutcome?> RefusalAsync(int projectId, CancellationToken ct = default) =>
        !await db.Projects.AnyAsync(p => p.Id == projectId, ct) ? ProjectOutcome.NotFound
        : ProjectRoles.MayManage(actor.Role) ? null
        : ProjectOutcome.Forbidden;

    public async Task<(ProjectOutcome Outcome, FieldErrors Errors, List<long> Ids)> AddAsync(int projectId, IReadOnlyList<IncomingFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new FieldErrors();
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return (ProjectOutcome.NotFound, errors, []);
        }

        if (!ProjectRoles.MayManage(actor.Role))
        {
            return (ProjectOutcome.Forbidden, errors, []);
        }

        var already = await db.ProjectPhotos.CountAsync(p => p.ProjectId == projectId, ct);
        if (files.Count == 0)
        {
            return (ProjectOutcome.Invalid, errors.Add("files", "请选择照片"), []);
        }

        if (files.Count > ProjectPhoto.MaxPerUpload)
        {
            return (ProjectOutcome.Invalid, errors.Add("files", $"一次最多上传 {ProjectPhoto.MaxPerUpload} 张照片"), []);
        }

        if (already + files.Count > ProjectPhoto.MaxPerProject)
        {
            return (ProjectOutcome.Invalid, errors.Add("files", $"每个项目最多 {ProjectPhoto.MaxPerProject} 张照片"), []);
        }

        // Each file on its own, so every bad one is named, not only the first.
        var checks = files.Select(f => AttachmentRules.Check(f.FileName, f.Length, f.Content)).ToList();
        for (var i = 0; i < checks.Count; i++)
        {
            var field = CaseAttachments.FieldOf(i);
            if (checks[i].Refusal is { } refusal && refusal != AttachmentRules.NotAccepted)
            {
                errors.Add(field, CaseAttachments.Message(refusal, ProjectPhoto.MaxPerUpload));
            }
            else if (!ProjectPhoto.Accepts(checks[i].ContentType))
            {
                errors.Add(field, "只能上传 JPEG、PNG 或 WebP 照片");
            }
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var photos = files.Select((f, i) => new ProjectPhoto
        {
            ProjectId = project.Id,
            Project = project,
            FileName = checks[i].FileName,
            ContentType = checks[i].ContentType!,
            Length = f.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
            Content = f.Content,
            AddedAtUtc = now,
            AddedById = actor.UserId,
            AddedByName = actor.Name,
            RegionPath = project.RegionPath,
        }).ToList();
        db.ProjectPhotos.AddRange(photos);
        var names = string.Join("、", photos.Select(p => p.FileName));
        db.ProjectEvents.Add(new ProjectEvent
        {
            Project = project,
            ProjectId = project.Id,
            AtUtc = now,
            Kind = ProjectEventKind.PhotosAdded,
            Detail = names.Length > ProjectEvent.DetailMaxLength ? names[..(ProjectEvent.DetailMaxLength - 1)] + "…" : names,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            RegionPath = project.RegionPath,
        });
        await db.SaveChangesAsync(ct);
        return (ProjectOutcome.Done, errors, [.. photos.Select(p => p.Id)]);
    }

    /// <summary>The project's photos, newest first, without their bytes; null when the project is not the caller's to see.</summary>
    public static async Task<List<PhotoItem>?> ListAsync(ShiganDb db, int projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
        {
            return null;
        }

        return await db.ProjectPhotos.AsNoTracking().Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Id)
            .Select(p => new PhotoItem(p.Id, p.FileName, p.ContentType, p.Length, p.Sha256, p.AddedByName, p.AddedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>One photo's bytes; null when it is not on that project or the project is not the caller's to see.</summary>
    public static Task<AttachmentContent?> ContentAsync(ShiganDb db, int projectId, long photoId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ProjectPhotos.AsNoTracking().Where(p => p.Id == photoId && p.ProjectId == projectId)
            .Select(p => new AttachmentContent(p.FileName, p.ContentType, p.Sha256, p.Content))
            .SingleOrDefaultAsync(ct);
    }

    public static string SizeOf(int bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024:0.0} MB");
}
