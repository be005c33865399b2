using Shigan.Core.Org;

namespace Shigan.Data.Generate;

/// <summary>A township as the generator works it: its places, window, platform departments, officers and 信用社 counter.</summary>
public sealed class GeneratedTownship(Region region, Region county, double weight, Actor window, Dictionary<string, (int Id, string Name)> departments, Desk desk, Department? partner)
{
    private Weighted<CasePlace>? places;

    public Region Region => region;

    public Region County => county;

    public string Name => region.Name;

    public double Weight => weight;

    public Actor Window => window;

    public Dictionary<string, (int Id, string Name)> Departments => departments;

    public Desk Desk => desk;

    public Department? Partner => partner;

    public List<CasePlace> Places { get; } = [];

    public void Seal() => places = new Weighted<CasePlace>(Places, p => p.Weight);

    public CasePlace PickPlace(Random rng) => places!.Pick(rng);
}
