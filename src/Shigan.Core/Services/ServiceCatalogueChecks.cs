namespace Shigan.Core.Services;

/// <summary>Mistakes in a catalogue that would make a bundle impossible or its figures wrong; for the calculator and the import.</summary>
public static class ServiceCatalogueChecks
{
    /// <summary>
    /// What an item waits for among <paramref name="items"/>: its prerequisites, and the items whose results it asks
    /// for as materials (a paper cannot be handed over before it is issued).
    /// </summary>
    public static IReadOnlyList<string> DependsOn(ServiceItem item, IReadOnlyDictionary<string, ServiceItem> items)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(items);
        return
        [
            .. item.PrerequisiteCodes
                .Concat(item.Materials.Select(m => m.IssuedByItemCode).OfType<string>())
                .Where(c => c != item.Code && items.ContainsKey(c))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// A cycle in the ordering, as the codes along it with the first repeated at the end (A, B, A), or empty.
    /// An item that names itself is a cycle of one.
    /// </summary>
    public static IReadOnlyList<string> FindCycle(IEnumerable<ServiceItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var item in byCode.Values)
        {
            if (item.PrerequisiteCodes.Contains(item.Code) || item.Materials.Any(m => m.IssuedByItemCode == item.Code))
            {
                return [item.Code, item.Code];
            }
        }

        // Depth-first search: meeting an item still on the path closes a cycle.
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var code in byCode.Keys)
        {
            if (Visit(code, byCode, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        return [];
    }

    /// <summary>Materials of the catalogue that nobody issues (see <see cref="UnissuedMaterial"/>).</summary>
    public static IReadOnlyList<UnissuedMaterial> FindUnissued(IEnumerable<ServiceItem> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var all = catalogue.ToList();
        var codes = all.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        return [.. all.SelectMany(i => i.Materials.Select(m => Unissued(i, m, codes))).OfType<UnissuedMaterial>()];
    }

    internal static UnissuedMaterial? Unissued(ServiceItem item, Material material, IReadOnlySet<string> catalogueCodes) =>
        material.HeldByCitizen || !string.IsNullOrWhiteSpace(material.IssuedByDepartment) ? null
        : material.IssuedByItemCode is null ? new(item.Code, material.Name, UnissuedMaterial.NoIssuer)
        : catalogueCodes.Contains(material.IssuedByItemCode) ? null
        : new(item.Code, material.Name, UnissuedMaterial.UnknownItem);

    private static List<string>? Visit(string code, Dictionary<string, ServiceItem> byCode, HashSet<string> done, List<string> path)
    {
        if (done.Contains(code))
        {
            return null;
        }

        if (path.IndexOf(code) is var at and >= 0)
        {
            return [.. path.Skip(at), code];
        }

        path.Add(code);
        foreach (var next in DependsOn(byCode[code], byCode))
        {
            if (Visit(next, byCode, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(code);
        return null;
    }
}
