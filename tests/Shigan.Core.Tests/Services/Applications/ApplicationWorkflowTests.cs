using Shigan.Core.Services.Applications;
using static Shigan.Core.Services.Applications.PartAction;
using static Shigan.Core.Services.Applications.PartStatus;

namespace Shigan.Core.Tests.Services.Applications;

/// <summary>The state machine of a department's part: accepted, perhaps waiting for a material, then completed or refused.</summary>
public sealed class ApplicationWorkflowTests
{
    [Theory]
    [InlineData(Pending, Accept, Accepted)]
    [InlineData(Accepted, RequestMaterial, MaterialRequested)]
    [InlineData(MaterialRequested, MaterialReceived, Accepted)]
    [InlineData(Accepted, Complete, Completed)]
    [InlineData(Pending, Refuse, Refused)]
    [InlineData(Accepted, Refuse, Refused)]
    [InlineData(MaterialRequested, Refuse, Refused)]
    public void A_part_moves_along_the_table(PartStatus from, PartAction action, PartStatus to)
    {
        var decision = ApplicationWorkflow.Decide(from, action, reason: "材料造假", material: "结婚证");

        Assert.Equal(to, decision.To);
    }

    [Theory]
    [InlineData(Completed, Complete)]
    [InlineData(Completed, Refuse)]
    [InlineData(Refused, Accept)]
    [InlineData(Pending, Complete)]
    [InlineData(MaterialRequested, Complete)]
    [InlineData(Accepted, Accept)]
    public void A_finished_part_stays_finished_and_no_step_is_skipped(PartStatus from, PartAction action)
    {
        var decision = ApplicationWorkflow.Decide(from, action, "理由", "材料");

        Assert.Null(decision.To);
        Assert.Equal(ApplicationRefusals.NotAllowedFromStatus, decision.Refusal);
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_a_request_names_the_material()
    {
        Assert.Equal(ApplicationRefusals.ReasonRequired, ApplicationWorkflow.Decide(Accepted, Refuse, " ", null).Refusal);
        Assert.Equal(ApplicationRefusals.MaterialRequired, ApplicationWorkflow.Decide(Accepted, RequestMaterial, null, "").Refusal);
        Assert.Equal(ApplicationRefusals.TextTooLong, ApplicationWorkflow.Decide(Accepted, Refuse, new string('长', ApplicationWorkflow.TextMaxLength + 1), null).Refusal);
    }

    [Fact]
    public void An_application_is_done_only_when_every_part_is_completed_or_refused()
    {
        Assert.True(ApplicationWorkflow.IsDone([Completed, Refused, Completed]));
        Assert.False(ApplicationWorkflow.IsDone([Completed, MaterialRequested]));
        Assert.False(ApplicationWorkflow.IsDone([]));
    }

    [Fact]
    public void The_actions_offered_follow_the_status()
    {
        Assert.Equal([Accept, Refuse], ApplicationWorkflow.AllowedActions(Pending));
        Assert.Equal([RequestMaterial, Complete, Refuse], ApplicationWorkflow.AllowedActions(Accepted));
        Assert.Empty(ApplicationWorkflow.AllowedActions(Completed));
    }
}
