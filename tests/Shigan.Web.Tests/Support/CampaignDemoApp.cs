using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>The real host with the demo campaigns loaded, as on a first start.</summary>
public sealed class CampaignDemoApp : ShiganApp
{
    protected override bool SeedsDemoCampaigns => true;
}
