// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Tessera.Observability;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// Runs one <c>web_hook</c>: builds the payload (or renders the body template), sends it, lets
/// <see cref="WebHookResponseInterpreter"/> decide, and leaves the trail: an execution log row and a
/// <c>hook_executed</c> / <c>hook_failed</c> line. <c>response.ignore</c> hooks run in the background and never
/// hold up the response.
/// </summary>
internal sealed class WebHookExecutor(WebHookSender sender, HookExecutionStore log, TimeProvider clock, ILogger<WebHookExecutor> logger)
{
    public async Task<HookOutcome> ExecuteAsync(HookContext context, HookChain chain, HookDefinition hook, CancellationToken cancellationToken)
    {
        var web = hook.WebHook!;
        var payload = WebHookPayload.Build(context, chain, hook);
        var body = web.Body is null ? payload.ToJsonString() : web.Body.Render(payload);
        var flowId = context.Flow.Id;
        var identityId = context.Identity?.Id;
        if (web.Ignore)
        {
            // Not the request's token: the request ends long before a slow receiver answers.
            _ = Task.Run(() => SendAndRecordAsync(chain, hook, body, flowId, identityId, CancellationToken.None), CancellationToken.None);
            return new HookOutcome(HookOutcomeKind.Ignored);
        }

        return await SendAndRecordAsync(chain, hook, body, flowId, identityId, cancellationToken);
    }

    private async Task<HookOutcome> SendAndRecordAsync(HookChain chain, HookDefinition hook, string body, Guid flowId, Guid? identityId, CancellationToken cancellationToken)
    {
        var call = await sender.SendAsync(hook.WebHook!, body, cancellationToken);
        var outcome = WebHookResponseInterpreter.Decide(hook, call);
        await RecordAsync(chain.Point, hook.Index, hook.WebHook!, call, outcome, flowId, identityId);
        return outcome;
    }

    /// <summary>
    /// Leaves the trail of one call: the <c>hook_executed</c> / <c>hook_failed</c> line and the execution log row.
    /// Callers outside the flows (the OAuth2 token hooks) send with <see cref="WebHookSender"/> and record here, so
    /// that every hook call lands in the one log.
    /// </summary>
    public async Task RecordAsync(string point, int index, WebHookConfig web, WebHookCall call, HookOutcome outcome, Guid? flowId, Guid? identityId)
    {
        var latency = (long)call.Latency.TotalMilliseconds;
        var outcomeName = OutcomeName(outcome.Kind);
        TesseraMeter.Hook(point, outcomeName, call.Latency);
        var error = outcome.Problem is { Length: > HookExecution.MaxErrorLength } p ? p[..HookExecution.MaxErrorLength] : outcome.Problem;
        if (call.IsSuccess && outcome.Kind is HookOutcomeKind.Succeeded or HookOutcomeKind.Ignored)
        {
            HookLog.Executed(logger, point, index, web.LoggedUrl, call.StatusCode, call.Attempts, latency, outcomeName, flowId);
        }
        else
        {
            HookLog.Failed(logger, point, index, web.LoggedUrl, call.StatusCode, call.Attempts, latency, outcomeName, flowId, error);
        }

        try
        {
            await log.InsertAsync(new HookExecution(Guid.NewGuid(), flowId, identityId, point, index, web.LoggedUrl, call.StatusCode,
                latency, call.Attempts, outcomeName, error, clock.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The trail must not decide the flow: the log line above already has everything the row would.
            HookLog.NotRecorded(logger, point, index, e);
        }
    }

    public static string OutcomeName(HookOutcomeKind kind) => kind switch
    {
        HookOutcomeKind.Succeeded => "succeeded",
        HookOutcomeKind.Refused => "refused",
        HookOutcomeKind.Aborted => "aborted",
        HookOutcomeKind.Failed => "failed",
        _ => "ignored",
    };
}
