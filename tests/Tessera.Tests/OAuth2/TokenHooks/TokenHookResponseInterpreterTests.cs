// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.OAuth2.TokenHooks;
using Tessera.SelfService.Hooks;

namespace Tessera.Tests.OAuth2.TokenHooks;

public sealed class TokenHookResponseInterpreterTests
{
    private static readonly WebHookConfig Hook = new(new Uri("https://hooks.example/token"), HttpMethod.Post, new Dictionary<string, string>(),
        null, null, CanInterrupt: true, Parse: false, Ignore: false, TimeSpan.FromSeconds(2), null);

    private static TokenHookDecision Decide(int? status, string? body = null, bool timedOut = false, string? transport = null) =>
        TokenHookResponseInterpreter.Decide(Hook, new WebHookCall(status, body, 1, TimeSpan.FromMilliseconds(5), timedOut, transport));

    [Fact]
    public void Decide_200WithSession_ReturnsBothClaimSets()
    {
        var decision = Decide(200, """{"session": {"access_token": {"tenant": "t1", "roles": ["a"]}, "id_token": {"name": "Ada"}}}""");

        decision.Outcome.Error.ShouldBeNull();
        decision.Outcome.Kind.ShouldBe(HookOutcomeKind.Succeeded);
        decision.Claims.AccessToken!["tenant"]!.GetValue<string>().ShouldBe("t1");
        decision.Claims.AccessToken!["roles"]![0]!.GetValue<string>().ShouldBe("a");
        decision.Claims.IdToken!["name"]!.GetValue<string>().ShouldBe("Ada");
    }

    [Fact]
    public void Decide_200_DropsClaimsTheServerOwns()
    {
        var decision = Decide(200, """{"session": {"access_token": {"sub": "evil", "exp": 1, "ok": true}, "id_token": {"iss": "evil", "aud": "x"}}}""");

        decision.Claims.AccessToken!.Select(p => p.Key).ShouldBe(["ok"]);
        decision.Claims.IdToken!.Count.ShouldBe(0);
    }

    [Fact]
    public void Decide_204_ProceedsWithoutClaims()
    {
        var decision = Decide(204);

        decision.Outcome.Error.ShouldBeNull();
        decision.Claims.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Decide_403_IsAccessDenied()
    {
        var decision = Decide(403, """{"error": "no"}""");

        decision.Outcome.Error!.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookDenied);
        decision.Outcome.Kind.ShouldBe(HookOutcomeKind.Refused);
    }

    [Theory]
    [InlineData(500, null, "answered 500")]
    [InlineData(201, "{}", "answered 201")]
    [InlineData(401, null, "answered 401")]
    [InlineData(302, null, "answered 302")]
    [InlineData(200, "<html>oops</html>", "answered 200 with a body that is not JSON")]
    [InlineData(200, "", "answered 200 without a JSON object")]
    [InlineData(200, "[1,2]", "answered 200 without a JSON object")]
    [InlineData(200, """{"session": "x"}""", "answered 200 with a session that is not an object")]
    [InlineData(200, """{"session": {"access_token": [1]}}""", "answered 200 with session.access_token or session.id_token not an object")]
    public void Decide_OtherAnswers_AreServerErrorNamingWhatTheHookDid(int status, string? body, string problem)
    {
        var decision = Decide(status, body);

        decision.Outcome.Error!.Descriptor.ShouldBe(ErrorCatalog.OAuth2TokenHookFailed);
        decision.Outcome.Error.EffectiveReason.ShouldStartWith($"The token hook {problem}");
        decision.Outcome.Kind.ShouldBe(HookOutcomeKind.Aborted);
    }

    [Fact]
    public void Decide_Timeout_NamesTheBudget()
    {
        var decision = Decide(null, timedOut: true, transport: "no answer within 2s");

        decision.Outcome.Error!.EffectiveReason.ShouldBe("The token hook did not answer within 2s.");
    }

    [Fact]
    public void Decide_Unreachable_KeepsTheTransportDetailForTheLogOnly()
    {
        var decision = Decide(null, transport: "Connection refused (127.0.0.1:9)");

        decision.Outcome.Error!.EffectiveReason.ShouldBe("The token hook could not be reached.");
        decision.Outcome.Problem!.ShouldContain("Connection refused");
    }
}
