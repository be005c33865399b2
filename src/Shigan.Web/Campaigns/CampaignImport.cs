using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Data.Campaigns;
using Shigan.Web.Access;

namespace Shigan.Web.Campaigns;

/// <summary>
/// Imports a campaign sheet, one row a household (or section), as sheets are kept today. One pass over the file: every
/// row is checked and every problem listed by row and column; rows are written as they come, in one transaction that
/// only a sheet without any problem commits. Rows are read one at a time; between saves only the keys seen, the
/// groups and the targets already there are kept. A target already there (same key) is updated, never duplicated; a
/// stage further on than the target's is a move in its history.
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

        var layout = CampaignTemplates.Layout(campaign);
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

        var required = layout.Groups.Select(g => g.Header).Append(layout.LeafHeader).Concat(onlyUnit is null ? [SheetColumns.Unit] : []).ToList();
        foreach (var missing in required.Where(c => !columns.Contains(c)))
        {
            errors.Add(new ImportError(1, missing, "缺少这一列"));
        }

        // Not one of them: most often a ledger with its title above the column names.
        if (!required.Any(columns.Contains))
        {
            errors.Add(new ImportError(1, "", "第一行应为列名；如表格上方有标题行，请删去后再导入"));
        }

        if (errors.Count > 0)
        {
            return (WorkOutcome.Invalid, null, errors);
        }

        // Every target of the campaign by key, read once: the groups new households hang under, as entities, and the
        // households a row updates (those of other townships only to refuse them), as the few fields a row is compared
        // with (a re-import of 100,000 households keeps them all). Households this sheet adds are not kept: their keys
        // are in `seen`, and a key comes once.
        var groups = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level != layout.Leaf)
            .ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, ct);
        var households = await KnownHousehold.ReadAsync(db, campaignId, layout.Leaf, ct);
        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaignId).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, ct);
        var regionIds = unitsByName.Values.Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var write = new Writer(db, actor, RowsPerSave, campaign, layout, groups, households, teams, regions, clock.GetUtcNow().UtcDateTime);

        // One pass: each row is checked and, while the sheet has no problem yet, written (saved every RowsPerSave rows
        // in one transaction). At the first problem the writing stops and the rest is only checked; any problem rolls
        // back what was saved, so a wrong sheet changes nothing.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        // Changes are detected once per save (ShiganDb.SaveChangesAsync does), not at every Entries() of every save.
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            using var sheetRows = Rows(file).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!sheetRows.MoveNext())
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException or InvalidCastException)
                {
                    errors.Add(new ImportError(0, "", "无法读取表格，请上传 .xlsx 文件"));
                    break;
                }

                var (number, cells) = sheetRows.Current;
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

                Check(row, layout, groups, households, seen, errors);
                if (errors.Count == 0)
                {
                    await write.RowAsync(row, ct);
                }
            }

            if (errors.Count == 0 && rows == 0)
            {
                errors.Add(new ImportError(2, layout.LeafHeader, "表格中没有数据"));
            }

            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return (WorkOutcome.Invalid, null, [.. errors.Take(SheetColumns.MaxErrors)]);
            }

            return (WorkOutcome.Done, await write.CommitAsync(rows, ct), errors);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
            await write.DisposeAsync();
        }
    }

    // The row against the campaign's targets and the rows before it. A household already there keeps the row that
    // named it itself; `seen` holds the new ones.
    private void Check(
        SheetRow row, SheetLayout layout, Dictionary<string, CampaignTarget> groups, Dictionary<string, KnownHousehold> households,
        Dictionary<string, int> seen, List<ImportError> errors)
    {
        var known = households.GetValueOrDefault(row.Key);
        if ((known is { Row: not 0 } ? known.Row : seen.GetValueOrDefault(row.Key)) is not 0 and var first)
        {
            errors.Add(new ImportError(row.Row, layout.LeafHeader, $"与第 {first} 行是同一户"));
        }
        else if (known is not null)
        {
            known.Row = row.Row;
        }
        else
        {
            seen[row.Key] = row.Row;
        }

        if (groups.ContainsKey(row.Key))
        {
            errors.Add(new ImportError(row.Row, layout.LeafHeader, "编号与小区或楼幢重名"));
        }
        else if (known is not null)
        {
            if (!actor.Scope.Covers(known.RegionPath))
            {
                errors.Add(new ImportError(row.Row, layout.LeafHeader, "该对象属于其他乡镇"));
            }
            else if (row.Stage is { } stage && stage < known.Stage)
            {
                errors.Add(new ImportError(row.Row, SheetColumns.Stage, "阶段只能前进"));
            }
        }

        // A group name reused as a household's, or the reverse, would make one key two things; a group of another
        // township's sheet is not this user's to add to.
        foreach (var groupKey in GroupKeys(row))
        {
            var group = groups.GetValueOrDefault(groupKey);
            if (seen.ContainsKey(groupKey) || households.ContainsKey(groupKey))
            {
                errors.Add(new ImportError(row.Row, layout.LeafHeader, "编号与小区或楼幢重名"));
            }
            else if (group is not null && !actor.Scope.Covers(group.RegionPath))
            {
                errors.Add(new ImportError(row.Row, layout.LeafHeader, "该对象属于其他乡镇"));
            }
        }
    }

    /// <summary>Rows written per save: the change tracker (and the audit it makes) never holds more.</summary>
    public int RowsPerSave { get; init; } = 2000;

    /// <summary>
    /// Writes checked rows in one transaction, begun at the first save, saved every RowsPerSave rows with the tracker
    /// cleared in between, so a 100,000-household sheet never has 100,000 tracked entities at once. Between saves it
    /// keeps the campaign's groups and teams (detached, attached again when a later row uses them) and the households
    /// that were there before (<see cref="KnownHousehold"/>); the audit of each save is one entry per unit and kind of change
    /// (<see cref="ShiganDb.AuditInBatches"/>), listing each record's id and changed fields. New groups and teams go
    /// through EF; the batch's new households (most of a first import), its changed households (most of a re-import)
    /// and its stage moves go in one statement each (<see cref="TargetRowWriter"/>), audited (households) and counted
    /// the same way.
    /// </summary>
    private sealed class Writer(
        ShiganDb db, CurrentActor actor, int rowsPerSave, Campaign campaign, SheetLayout layout, Dictionary<string, CampaignTarget> groups,
        Dictionary<string, KnownHousehold> households, Dictionary<string, CampaignTeam> teams, Dictionary<int, Core.Org.Region> regions, DateTime now) : IAsyncDisposable
    {
        private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction;
        private bool attached;
        private int unsaved;
        private int created;
        private int updated;
        private int moved;
        private readonly List<CampaignTarget> added = [];
        private readonly List<TargetUpdate> updates = [];
        private readonly List<StageMove> moves = [];

        public async Task RowAsync(SheetRow row, CancellationToken ct)
        {
            if (!attached)
            {
                // Tracked as they are, so a new target's unit is neither inserted again nor looked up one target at a time.
                db.Regions.AttachRange(regions.Values);
                attached = true;
            }

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
            var parts = new List<string>(layout.Groups.Count);
            for (var i = 0; i < layout.Groups.Count; i++)
            {
                parts.Add(row.Groups[i]);
                var key = SheetLayout.Key(parts);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = New(campaign.Id, key, row.Groups[i], layout.Groups[i].Level, parent, region, now);
                    groups[key] = group;
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

            // A new household is not tracked: it is inserted with the batch's others in one statement (TargetRowWriter).
            // One already there, only when the row changes it, is updated with the batch's others in one statement too,
            // from what was kept of it (its version and path as read are checked there).
            var known = households.GetValueOrDefault(row.Key);
            var advances = row.Stage is { } reached && reached > (known?.Stage ?? 0);
            CampaignTarget target;
            if (known is null)
            {
                target = New(campaign.Id, row.Key, row.Leaf, layout.Leaf, parent, region, now);
                (target.Owner, target.Phone, target.People, target.Area, target.Team) = (row.Owner, row.Phone, row.People, row.Area, team);
                added.Add(target);
                created++;
            }
            else
            {
                var fields = known.Owner != row.Owner || known.Phone != row.Phone || known.People != row.People || known.Area != row.Area;
                var otherTeam = team is not null && (team.Id == 0 || known.TeamId != team.Id);
                if (!fields && !otherTeam && !advances)
                {
                    await NextAsync(ct);
                    return;
                }

                target = known.Target(campaign.Id, row.Key, layout.Leaf);
                updates.Add(new TargetUpdate(known.Target(campaign.Id, row.Key, layout.Leaf), target));
                if (fields || otherTeam)
                {
                    updated++;
                }

                if (fields)
                {
                    (target.Owner, target.Phone, target.People, target.Area) = (row.Owner, row.Phone, row.People, row.Area);
                }

                if (otherTeam)
                {
                    target.Team = team;
                }
            }

            if (row.Stage is { } stage && stage > target.Stage)
            {
                // The day the stage was reached as the sheet says (noon, China time), else now.
                var at = row.StageDate is { } d ? ChinaTime.At(d, new TimeOnly(12, 0)).UtcDateTime : now;
                var move = new StageMove
                {
                    CampaignId = campaign.Id,
                    Target = target,
                    AtUtc = at,
                    Kind = StageMoveKind.Import,
                    FromStage = target.Stage,
                    ToStage = stage,
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    Reason = "导入",
                    RegionPath = region.RegionPath,
                };
                moves.Add(move);
                target.Stage = stage;
                target.StageSinceUtc = at;
                target.Version++;
                moved++;
            }

            await NextAsync(ct);
        }

        private async Task NextAsync(CancellationToken ct)
        {
            if (++unsaved >= rowsPerSave)
            {
                await SaveAsync(ct);
                db.Regions.AttachRange(regions.Values);
            }
        }

        public async Task<ImportResult> CommitAsync(int rows, CancellationToken ct)
        {
            await SaveAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return new ImportResult(rows, created, updated, moved);
        }

        private async Task SaveAsync(CancellationToken ct)
        {
            transaction ??= await db.Database.BeginTransactionAsync(ct);
            db.AuditInBatches = true;
            try
            {
                // The new groups and teams first (the new households hang under them); then the new households in one
                // statement and the changed ones in another, audited and counted; then the batch's moves.
                await db.SaveChangesAsync(ct);
                await TargetRowWriter.WriteAsync(db, added, updates, moves, ct);
            }
            finally
            {
                db.AuditInBatches = false;
            }

            db.ChangeTracker.Clear();
            added.Clear();
            updates.Clear();
            moves.Clear();
            unsaved = 0;
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

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
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
            return Api.XlsxGuard.Unpacks(zip, MaxUnpackedBytes);
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

    // An upload arrives as a forward-only stream; a zip is read from its end, and is checked before the reader opens it.
    // A temporary file, not memory: a 100,000-household sheet is some megabytes packed, and several may arrive at once.
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
