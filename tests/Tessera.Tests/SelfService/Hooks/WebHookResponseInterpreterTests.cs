// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Hooks;

namespace Tessera.Tests.SelfService.Hooks;

public sealed class WebHookResponseInterpreterTests
{
    private static readonly HookDefinition Interrupting = Hook(canInterrupt: true);
    private static readonly HookDefinition Tolerant = Hook(canInterrupt: false);

    [Fact]
    public void Non2xxWithoutMessages_Interrupting_AbortsWithUpstreamError() =>
        WebHookResponseInterpreter.Decide(Interrupting, Call(403)).Error!.Descriptor.ShouldBe(ErrorCatalog.UpstreamError);

    [Fact]
    public void Non2xx_NotInterrupting_FailsAndTheFlowGoesOn() =>
        WebHookResponseInterpreter.Decide(Tolerant, Call(500)).Kind.ShouldBe(HookOutcomeKind.Failed);

    [Fact]
    public void Timeout_Interrupting_AbortsWithUpstreamTimeout() =>
        WebHookResponseInterpreter.Decide(Interrupting, new WebHookCall(null, null, 1, TimeSpan.FromSeconds(1), true, "late")).Error!.Descriptor.ShouldBe(ErrorCatalog.UpstreamTimeout);

    [Fact]
    public void FourXxWithMessages_RefusesWithMessagesOnTheirNodes()
    {
        var outcome = WebHookResponseInterpreter.Decide(Interrupting, Call(400,
            """{"messages":[{"instance_ptr":"#/traits/email","messages":[{"id":1,"text":"no","type":"error","context":{}}]},{"instance_ptr":"#/","messages":[{"id":2,"text":"form"}]}]}"""));

        outcome.Kind.ShouldBe(HookOutcomeKind.Refused);
        outcome.Error!.Descriptor.ShouldBe(ErrorCatalog.WebHookRefused);
        outcome.Messages!.Select(m => m.Field).ShouldBe(["traits.email", null]);
    }

    [Fact]
    public void Parse_2xxWithNonJson_IsInvalid() =>
        WebHookResponseInterpreter.Decide(Hook(canInterrupt: false, parse: true), Call(200, "<html>")).Error!.Descriptor.ShouldBe(ErrorCatalog.WebHookResponseInvalid);

    private static WebHookCall Call(int status, string? body = null) => new(status, body, 1, TimeSpan.FromMilliseconds(5), false, null);

    private static HookDefinition Hook(bool canInterrupt, bool parse = false) => new(HookNames.WebHook, 0, new WebHookConfig(
        new Uri("https://hooks.example/"), HttpMethod.Post, new Dictionary<string, string>(), null, null, canInterrupt, parse, false, WebHookConfig.DefaultTimeout, null));
}
