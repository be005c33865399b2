namespace Shigan.Core.Services.Applications;

/// <summary>
/// What a window takes of a bundle: the items its channel may take, the materials to check off once for all of them,
/// and one part per department. A material an item of the bundle issues (出生医学证明, 户口页) reaches the next
/// department by data sharing, so the window never asks the citizen for it; one asked by several items is checked once.
/// </summary>
public sealed record ApplicationPlan(
    IReadOnlyList<string> TakenItemCodes,
    IReadOnlyList<string> OtherItemCodes,
    IReadOnlyList<CheckedMaterial> Materials,
    IReadOnlyList<PlannedPart> Parts)
{
    /// <exception cref="ArgumentException">The bundle names an item the catalogue lacks, or <paramref name="channel"/> is not one window.</exception>
    public static ApplicationPlan For(LifeEvent bundle, IEnumerable<ServiceItem> catalogue, ServiceChannels channel)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (channel is not (ServiceChannels.TownshipWindow or ServiceChannels.CountyHall or ServiceChannels.BankWindow))
        {
            throw new ArgumentException("An application is taken at one window: the township's, the county hall or a bank's.", nameof(channel));
        }

        var byCode = catalogue.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var items = bundle.ItemCodes.Distinct(StringComparer.Ordinal)
            .Select(c => byCode.GetValueOrDefault(c) ?? throw new ArgumentException($"Life event {bundle.Code} names item {c}, which the catalogue lacks.", nameof(bundle)))
            .ToList();
        var inBundle = items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var taken = items.Where(i => i.Channels.HasFlag(channel)).ToList();

        var materials = new List<CheckedMaterial>();
        foreach (var item in taken)
        {
            foreach (var material in item.Materials.Where(m => m.IssuedByItemCode is null || !inBundle.Contains(m.IssuedByItemCode)))
            {
                var name = material.Name.Trim();
                if (materials.Find(m => m.Name == name) is { } known)
                {
                    // One original shown serves every copy asked for.
                    known.Form = known.Form == MaterialForm.Original || material.Form == MaterialForm.Original ? MaterialForm.Original : MaterialForm.Copy;
                    known.ItemCodes.Add(item.Code);
                }
                else
                {
                    materials.Add(new CheckedMaterial { Name = name, Form = material.Form, ItemCodes = [item.Code] });
                }
            }
        }

        var parts = taken.GroupBy(i => i.DepartmentName, StringComparer.Ordinal)
            .Select(g => new PlannedPart(g.Key, [.. g.Select(i => i.Code)], g.Max(i => i.PromisedDays)))
            .ToList();
        return new(
            [.. taken.Select(i => i.Code)],
            [.. items.Where(i => !taken.Contains(i)).Select(i => i.Code)],
            materials,
            parts);
    }

    /// <summary>The promised date of a part: the intake day itself for 即办 (0 days), else the n-th working day after it.</summary>
    public static DateOnly DueOn(DateOnly takenOn, int promisedDays, Cases.WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return promisedDays <= 0 ? takenOn : calendar.NthWorkingDayAfter(takenOn, promisedDays);
    }
}
