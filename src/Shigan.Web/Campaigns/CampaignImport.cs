using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Campaigns;

/// <summary>
/// Imports a campaign sheet, one row a household (or section), as sheets are kept today. Two passes over the file:
/// the first checks every row and lists every problem by row and column; only a sheet without any is written, in one
/// transaction, by the second. Rows are read one at a time; only the keys seen are kept between them. A target already
/// there (same key) is updated, never duplicated; a stage further on than the target's is a move in its history.
/// </summary>
public sealed class CampaignImport(ShiganDb db, CurrentActor actor, TimeProvider clock)
{
    public async Task<(WorkOutcome Outcome, ImportResult? Result, List<ImportError> Errors)> RunAsync(int campaignId, Stream sheet, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return (WorkOutcome.NotFound, null, errors);
        }

        if (!CampaignRoles.MayManage(actor.Role))
        {
            return (WorkOutcome.Forbidden, null, errors);
        }

        var layout = CampaignTemplates.Layout(campaign.Template);
        // The campaign's units the caller sees, by name and by code: rows of other townships are refused.
        var units = await db.CampaignUnits.AsNoTracking().Where(u => u.CampaignId == campaignId)
            .Select(u => new { u.RegionId, u.Region!.Name, u.Region.Code, u.RegionPath }).ToListAsync(ct);
        var unitsByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            unitsByName[u.Name] = u.RegionId;
            unitsByName[u.Code] = u.RegionId;
        }

        var allUnits = await db.CampaignUnits.IgnoreQueryFilters().CountAsync(u => u.CampaignId == campaignId, ct);
        int? onlyUnit = allUnits == 1 && units.Count == 1 ? units[0].RegionId : null;

        using var file = await SeekableAsync(sheet, ct);
        if (UnpackProblem(file) is { } unreadable)
        {
            errors.Add(new ImportError(0, "", unreadable));
            return (WorkOutcome.Invalid, null, errors);
        }

        var columns = Columns(file, errors);
        if (columns is null)
        {
            return (WorkOutcome.Invalid, null, errors);
        }

        var required = layout.Groups.Select(g => g.Header).Append(layout.LeafHeader).Concat(onlyUnit is null ? [SheetColumns.Unit] : []);
        foreach (var missing in required.Where(c => !columns.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "缺少这一列"));
        }

        if (errors.Count > 0)
        {
            return (WorkOutcome.Invalid, null, errors);
        }

        // Every key of the campaign, with its stage; those of other townships only to refuse them.
        var existing = await db.CampaignTargets.IgnoreQueryFilters().Where(t => t.CampaignId == campaignId)
            .Select(t => new { t.Key, t.Stage, t.RegionPath, t.Level }).ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());

        // First pass: check everything, keep only the keys.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        try
        {
            foreach (var (number, cells) in Rows(file))
            {
                rows++;
                var row = SheetRow.Read(number, cells, layout, campaign.Stages, unitsByName, onlyUnit, today, errors);
                if (row is null)
                {
                    if (errors.Count >= SheetColumns.MaxErrors)
                    {
                        break;
                    }

                    continue;
                }

                if (seen.TryGetValue(row.Key, out var first))
                {
                    errors.Add(new ImportError(number, layout.LeafHeader, $"与第 {first} 行是同一户"));
                }
                else
                {
                    seen[row.Key] = number;
                }

                if (existing.TryGetValue(row.Key, out var known))
                {
                    if (!actor.Scope.Covers(known.RegionPath))
                    {
                        errors.Add(new ImportError(number, layout.LeafHeader, "该对象属于其他乡镇"));
                    }
                    else if (row.Stage is { } stage && stage < known.Stage)
                    {
                        errors.Add(new ImportError(number, SheetColumns.Stage, "阶段只能前进"));
                    }
                }

                // A group name reused as a household's, or the reverse, would make one key two things.
                foreach (var groupKey in GroupKeys(row))
                {
                    if (seen.ContainsKey(groupKey))
                    {
                        errors.Add(new ImportError(number, layout.LeafHeader, "编号与小区或楼幢重名"));
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException or InvalidCastException)
        {
            errors.Add(new ImportError(0, "", "无法读取表格，请上传 .xlsx 文件"));
        }

        if (errors.Count == 0 && rows == 0)
        {
            errors.Add(new ImportError(2, layout.LeafHeader, "表格中没有数据"));
        }

        if (errors.Count > 0)
        {
            return (WorkOutcome.Invalid, null, [.. errors.Take(SheetColumns.MaxErrors)]);
        }

        return (WorkOutcome.Done, await WriteAsync(campaign, layout, file, unitsByName, onlyUnit, today, ct), errors);
    }

    /// <summary>Rows written per save: the change tracker (and the audit entries it makes) never holds more.</summary>
    public int RowsPerSave { get; init; } = 2000;

    // Second pass: the sheet is known to be right; write it in one transaction, saved every RowsPerSave rows with
    // the tracker cleared in between, so a 100,000-household sheet never has 100,000 tracked entities at once.
    // Targets met earlier stay in the dictionary (detached) and are attached again when a later row changes them.
    private async Task<ImportResult> WriteAsync(
        Campaign campaign, SheetLayout layout, Stream file, Dictionary<string, int> units, int? onlyUnit, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var regionIds = units.Values.Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaign.Id).ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, ct);
        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaign.Id).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, ct);
        int created = 0, updated = 0, moved = 0, rows = 0;
        var errors = new List<ImportError>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Tracked as they are, so a new target's unit is neither inserted again nor looked up one target at a time.
        db.Regions.AttachRange(regions.Values);
        foreach (var (number, cells) in Rows(file))
        {
            rows++;
            var row = SheetRow.Read(number, cells, layout, campaign.Stages, units, onlyUnit, today, errors)!;
            var region = regions[row.UnitId];
            CampaignTeam? team = null;
            if (row.Team is { } teamName && !teams.TryGetValue(teamName, out team))
            {
                team = new CampaignTeam { CampaignId = campaign.Id, Name = teamName, RegionId = region.Id, Region = region, RegionPath = region.RegionPath };
                teams[teamName] = team;
                db.CampaignTeams.Add(team);
            }

            // Add() would take a detached team or group of an earlier batch for a new one: attached first, as saved.
            if (team is not null)
            {
                Track(team);
            }

            // The groups above it, created as first met.
            CampaignTarget? parent = null;
            var parts = new List<string>();
            for (var i = 0; i < layout.Groups.Count; i++)
            {
                parts.Add(row.Groups[i]);
                var key = SheetLayout.Key(parts);
                if (!targets.TryGetValue(key, out var group))
                {
                    group = New(campaign.Id, key, row.Groups[i], layout.Groups[i].Level, parent, region, now);
                    targets[key] = group;
                    db.CampaignTargets.Add(group);
                }
                else
                {
                    Track(group);
                }

                if (group.TeamId is null && group.Team is null && team is not null)
                {
                    Track(group).Team = team;
                }

                parent = group;
            }

            if (!targets.TryGetValue(row.Key, out var target))
            {
                target = New(campaign.Id, row.Key, row.Leaf, layout.Leaf, parent, region, now);
                targets[row.Key] = target;
                db.CampaignTargets.Add(target);
                created++;
            }
            else if (target.Owner != row.Owner || target.Phone != row.Phone || target.People != row.People || target.Area != row.Area
                || (team is not null && target.TeamId != team.Id))
            {
                updated++;
                Track(target).Version++;
            }

            if (target.Owner != row.Owner || target.Phone != row.Phone || target.People != row.People || target.Area != row.Area)
            {
                (Track(target).Owner, target.Phone, target.People, target.Area) = (row.Owner, row.Phone, row.People, row.Area);
            }

            if (team is not null && (team.Id == 0 ? target.Team != team : target.TeamId != team.Id))
            {
                Track(target).Team = team;
            }

            if (row.Stage is { } stage && stage > target.Stage)
            {
                // The day the stage was reached as the sheet says (noon, China time), else now.
                var at = row.StageDate is { } d ? ChinaTime.At(d, new TimeOnly(12, 0)).UtcDateTime : now;
                db.StageMoves.Add(new StageMove
                {
                    CampaignId = campaign.Id,
                    Target = Track(target),
                    AtUtc = at,
                    Kind = StageMoveKind.Import,
                    FromStage = target.Stage,
                    ToStage = stage,
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    Reason = "导入",
                    RegionPath = region.RegionPath,
                });
                target.Stage = stage;
                target.StageSinceUtc = at;
                target.Version++;
                moved++;
            }

            if (rows % RowsPerSave == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Regions.AttachRange(regions.Values);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(rows, created, updated, moved);
    }

    // A target saved by an earlier batch (or read untracked) is tracked again before it changes.
    private T Track<T>(T entity)
        where T : class
    {
        if (db.Entry(entity).State == EntityState.Detached)
        {
            db.Attach(entity);
        }

        return entity;
    }

    private static CampaignTarget New(int campaignId, string key, string name, TargetLevel level, CampaignTarget? parent, Core.Org.Region region, DateTime now) =>
        new()
        {
            CampaignId = campaignId,
            Key = key,
            Name = name,
            Level = level,
            Parent = parent,
            RegionId = region.Id,
            Region = region,
            RegionPath = region.RegionPath,
            StageSinceUtc = now,
        };

    private static IEnumerable<string> GroupKeys(SheetRow row)
    {
        for (var i = 1; i <= row.Groups.Count; i++)
        {
            yield return SheetLayout.Key(row.Groups.Take(i));
        }
    }

    // Sheet rows are numbered as the spreadsheet shows them: the header is row 1. Empty rows are skipped.
    private static IEnumerable<(int Number, IDictionary<string, object?> Cells)> Rows(Stream file)
    {
        file.Position = 0;
        var number = 1;
        foreach (IDictionary<string, object?> cells in file.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            if (cells.Values.All(v => string.IsNullOrEmpty(SheetRow.CellText(v))))
            {
                continue;
            }

            yield return (number, cells);
        }
    }

    private static HashSet<string>? Columns(Stream file, List<ImportError> errors)
    {
        try
        {
            file.Position = 0;
            // MiniExcel answers null for a sheet with a header and no rows.
            if (file.GetColumns(useHeaderRow: true, excelType: ExcelType.XLSX) is not { } columns)
            {
                errors.Add(new ImportError(2, "", "表格中没有数据"));
                return null;
            }

            return [.. columns.Select(c => c?.Trim() ?? "")];
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException or InvalidCastException)
        {
            errors.Add(new ImportError(0, "", "无法读取表格，请上传 .xlsx 文件"));
            return null;
        }
    }

    /// <summary>
    /// A 100,000-household sheet unpacks to some tens of megabytes; a zip bomb to gigabytes. Counted before any reader
    /// sees the file, as the parts actually unpack.
    /// </summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    // Null when the file is a zip whose parts unpack within the limit (a non-zip is left to the reader's own message).
    private static string? UnpackProblem(Stream file)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return Services.CatalogueExcel.XlsxGuard.Unpacks(zip, MaxUnpackedBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return "无法读取表格，请上传 .xlsx 文件";
        }
        finally
        {
            file.Position = 0;
        }
    }

    // An upload arrives as a forward-only stream; the two passes need to read it twice. A temporary file, not memory:
    // a 100,000-household sheet is some megabytes packed, and several may arrive at once.
    private static async Task<Stream> SeekableAsync(Stream sheet, CancellationToken ct)
    {
        var copy = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await sheet.CopyToAsync(copy, ct);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}
