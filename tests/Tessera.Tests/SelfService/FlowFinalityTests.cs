// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.Tests.SelfService;

public sealed class FlowFinalityTests
{
    [Theory]
    [InlineData("Login", 4010007)]
    [InlineData("Registration", 4040002)]
    [InlineData("Recovery", 4060001)]
    [InlineData("Verification", 4070002)]
    public void PassedChallenge_OfASingleUseKind_IsFinishedWithTheSeedsAlreadyCompletedMessage(string kindName, int message)
    {
        var kind = Enum.Parse<FlowKind>(kindName);
        FlowFinality.IsFinished(Flow(kind, "passed_challenge")).ShouldBeTrue();
        FlowFinality.IsFinished(Flow(kind, "choose_method")).ShouldBeFalse();
        FlowFinality.AlreadyCompleted(kind).Id.ShouldBe(message);
    }

    [Theory]
    [InlineData("success")]
    [InlineData("passed_challenge")]
    public void SettingsFlow_InAnyState_IsNeverFinished(string state) =>
        FlowFinality.IsFinished(Flow(FlowKind.Settings, state)).ShouldBeFalse();

    private static Flow Flow(FlowKind kind, string state) =>
        new(Guid.NewGuid(), kind, FlowType.Api, state, "https://auth.example.com/", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1),
            new UiContainer { Action = "https://auth.example.com/" }, string.Empty);
}
