// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>A message's status, as Kratos's <c>courierMessageStatus</c> spells it (also the stored value).</summary>
internal static class CourierMessageStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Sent = "sent";
    public const string Abandoned = "abandoned";

    public static IReadOnlyList<string> All { get; } = [Queued, Processing, Sent, Abandoned];
}
