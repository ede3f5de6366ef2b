// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Kratos's JSON error body: <c>{"error": {...}}</c>, with the top-level fields Kratos adds for some errors
/// (<c>use_flow_id</c>, <c>expired_at</c>, <c>since</c> as a Go duration in nanoseconds, <c>redirect_browser_to</c>).
/// </summary>
internal sealed record ErrorEnvelope(ErrorEnvelopeBody Error)
{
    public Guid? UseFlowId { get; init; }

    public DateTimeOffset? ExpiredAt { get; init; }

    public long? Since { get; init; }

    public string? RedirectBrowserTo { get; init; }
}
