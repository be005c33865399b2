using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Cases;

/// <summary>
/// Photos and documents on a case. Every file is checked by its own bytes (Core's <see cref="AttachmentRules"/>) before
/// anything is written; then one history entry names the files and the files point at it, in one save. A report with
/// photos is taken and its photos stored in one transaction, so a bad photo or a bad field leaves nothing behind.
/// </summary>
public sealed class CaseAttachments(ShiganDb db, CurrentActor actor, CaseWork work, CaseIntake intake, TimeProvider clock)
{
    /// <summary>A note with the files; the file names follow it in the history entry, within the note's length.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>
    /// Whether the actor may add to the case at all (NotFound, Forbidden, or null): asked before an upload is read, so a
    /// case outside the actor's scope answers the same whatever was sent.
    /// </summary>
    public async Task<ActOutcome?> RefusalAsync(long caseId, CancellationToken ct = default) =>
        await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct) is { } @case
            ? work.Gate(@case, CaseRoles.MayAttach, null, new FieldErrors())
            : ActOutcome.NotFound;

    /// <summary>Adds the files with one history entry; the entry's id comes back when they were saved.</summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors, long? EntryId)> AddAsync(
        long caseId, IReadOnlyList<IncomingFile> files, string? note, int? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new FieldErrors();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return (ActOutcome.NotFound, errors, null);
        }

        if (work.Gate(@case, CaseRoles.MayAttach, version, errors) is { } refused)
        {
            return (refused, errors, null);
        }

        var already = await db.CaseAttachments.CountAsync(a => a.CaseId == caseId, ct);
        var checks = Check(files, already, AttachmentRules.MaxFilesPerUpload, errors);
        errors.Optional("note", note, NoteMaxLength);
        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors, null);
        }

        var entry = Append(@case, files, checks, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        var (outcome, _) = await work.SaveAsync(errors, ct);
        return (outcome, errors, outcome == ActOutcome.Done ? entry.Id : null);
    }

    /// <summary>
    /// Takes a report with its photos: the photos are checked, the report goes through <see cref="CaseIntake"/> as
    /// any other, and both are kept only if both are good. Field and photo errors come back together.
    /// </summary>
    public async Task<(ReportReceipt? Receipt, FieldErrors Errors)> ReportAsync(
        ReportInput input, CaseSource defaultSource, IReadOnlyList<IncomingFile> files, int maxFiles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);

        // The intake saves on its own; inside this transaction its save is undone unless the photos are stored too.
        // Bad photos still let the intake check the fields, so the reporter sees every mistake at once.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (receipt, errors) = await intake.ReportAsync(input, defaultSource, ct);
        var checks = files.Count == 0 ? [] : Check(files, 0, maxFiles, errors);
        if (receipt is null || errors.Any)
        {
            return (null, errors);
        }

        if (checks.Count > 0)
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == receipt.Id, ct);
            Append(@case, files, checks, null);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return (receipt, errors);
    }

    /// <summary>The case's attachments, oldest first, without their bytes; null when the case is not the actor's to see.</summary>
    public static async Task<List<AttachmentItem>?> ListAsync(ShiganDb db, long caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return null;
        }

        return await ItemsAsync(db, caseId, ct);
    }

    /// <summary>The attachments of a case the caller has already found in scope.</summary>
    public static Task<List<AttachmentItem>> ItemsAsync(ShiganDb db, long caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256, a.AddedByName, a.AddedAtUtc, a.CaseEventId))
            .ToListAsync(ct);
    }

    /// <summary>One attachment's bytes; null when it is not on that case or the case is not the actor's to see.</summary>
    public static Task<AttachmentContent?> ContentAsync(ShiganDb db, long caseId, long attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CaseAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.CaseId == caseId)
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Sha256, a.Content))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The field a file's problem is reported under: its place in the upload, as the form sent it.</summary>
    public static string FieldOf(int index) => string.Create(CultureInfo.InvariantCulture, $"files[{index}]");

    public static string Message(string refusal, int maxFiles = AttachmentRules.MaxFilesPerUpload) => refusal switch
    {
        AttachmentRules.Empty => "文件是空的",
        AttachmentRules.TooLarge => $"文件不能超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB",
        AttachmentRules.NotAccepted => "只能上传图片（JPEG、PNG、WebP、GIF）或 PDF 文件",
        AttachmentRules.TooManyInUpload => $"一次最多上传 {maxFiles} 个文件",
        AttachmentRules.TooManyOnCase => $"每个事件最多 {AttachmentRules.MaxFilesPerCase} 个附件",
        AttachmentRules.NoFiles => "请选择文件",
        _ => "文件无效",
    };

    // Each file is checked on its own, so every bad one is named, not only the first.
    private static List<AttachmentCheck> Check(IReadOnlyList<IncomingFile> files, int already, int maxFiles, FieldErrors errors)
    {
        if (AttachmentRules.CountRefusal(files.Count, already, maxFiles) is { } tooMany)
        {
            errors.Add("files", Message(tooMany, maxFiles));
            return [];
        }

        var checks = files.Select(f => AttachmentRules.Check(f.FileName, f.Length, f.Content)).ToList();
        for (var i = 0; i < checks.Count; i++)
        {
            if (checks[i].Refusal is { } refusal)
            {
                errors.Add(FieldOf(i), Message(refusal, maxFiles));
            }
        }

        return checks;
    }

    // One history entry for the upload, and the files pointing at it: the entry's key is known only once it is
    // inserted, so the files carry its temporary key and EF puts the real one in when both are saved.
    private CaseEvent Append(Case @case, IReadOnlyList<IncomingFile> files, List<AttachmentCheck> checks, string? note)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var addedBy = actor.IsSignedIn ? actor.Name : CaseIntake.PublicReporter;
        var names = "附件：" + string.Join("、", checks.Select(c => c.FileName));
        var text = note is null ? names : $"{note}。{names}";
        var entry = new CaseEvent
        {
            CaseId = @case.Id,
            AtUtc = now,
            Kind = CaseEventKind.AttachmentAdded,
            ActorId = actor.UserId,
            ActorName = addedBy,
            Note = text.Length <= CaseWorkflow.TextMaxLength ? text : text[..(CaseWorkflow.TextMaxLength - 1)] + "…",
            RegionPath = @case.RegionPath,
        };
        db.CaseEvents.Add(entry);
        var entryKey = db.Entry(entry).Property(e => e.Id);
        for (var i = 0; i < files.Count; i++)
        {
            var content = files[i].Content;
            var attachment = new CaseAttachment
            {
                CaseId = @case.Id,
                FileName = checks[i].FileName,
                ContentType = checks[i].ContentType!,
                Length = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
                AddedAtUtc = now,
                AddedById = actor.UserId,
                AddedByName = addedBy,
                RegionPath = @case.RegionPath,
            };
            db.CaseAttachments.Add(attachment);
            db.Entry(attachment).Property(a => a.CaseEventId).CurrentValue = entryKey.CurrentValue;
        }

        return entry;
    }
}
