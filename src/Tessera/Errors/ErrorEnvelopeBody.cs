// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// The inner object of Kratos's error envelope (its <c>genericError</c>); <c>request</c> is the request id and
/// <c>debug</c> is written only in development mode.
/// </summary>
internal sealed record ErrorEnvelopeBody(
    string Id,
    int Code,
    string Status,
    string Request,
    string Reason,
    string Message,
    IReadOnlyDictionary<string, object?>? Details,
    string? Debug = null);
