// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>
/// A message's status, as Kratos's <c>courierMessageStatus</c> spells it (also the stored value), plus
/// <c>logged</c>: handed to the log because no SMTP server is configured, so never e-mailed (Kratos would say
/// <c>sent</c>, which misleads an operator looking for a mail that never left).
/// </summary>
internal static class CourierMessageStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Sent = "sent";
    public const string Logged = "logged";
    public const string Abandoned = "abandoned";

    public static IReadOnlyList<string> All { get; } = [Queued, Processing, Sent, Logged, Abandoned];

    /// <summary>No further delivery attempt will be made: what the retention rules may redact and delete.</summary>
    public static IReadOnlyList<string> Final { get; } = [Sent, Logged, Abandoned];
}
