// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>
/// One delivery attempt, as Kratos's <c>messageDispatch</c>: <c>success</c> or <c>failed</c> with the error text.
/// The text is the transport's message (an SMTP reply, a socket error), which carries no credentials.
/// </summary>
internal sealed record MessageDispatch(
    Guid Id,
    Guid MessageId,
    string Status,
    IReadOnlyDictionary<string, string>? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string Success = "success";
    public const string Failed = "failed";
}
