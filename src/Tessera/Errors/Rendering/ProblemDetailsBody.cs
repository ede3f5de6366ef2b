// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Rendering;

/// <summary>
/// RFC 9457 problem details as seed 003 shapes them: <c>type</c> is the documentation URL, <c>title</c> the error id,
/// plus <c>timestamp</c>, <c>request_id</c>, <c>context</c>, <c>doc_url</c> and <c>retry</c> (client / failure /
/// error) as extension members, and the catalog entry's <c>cause</c> and <c>resolution</c> in the request's language.
/// A flow answer adds <c>errors</c> (each message on its field) and <c>flow</c>.
/// </summary>
internal sealed record ProblemDetailsBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Instance,
    string Timestamp,
    string RequestId,
    IReadOnlyDictionary<string, object?> Context,
    string DocUrl,
    string Retry,
    string Message,
    string? Debug)
{
    public string? Cause { get; init; }

    public string? Resolution { get; init; }

    public IReadOnlyList<FlowFieldError>? Errors { get; init; }

    public object? Flow { get; init; }
}
