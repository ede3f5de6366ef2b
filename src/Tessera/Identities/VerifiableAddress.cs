// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>An address the schema marks with <c>verification.via</c>; unique per project, channel and value.</summary>
internal sealed class VerifiableAddress
{
    public const string StatusPending = "pending";
    public const string StatusSent = "sent";
    public const string StatusCompleted = "completed";

    public Guid Id { get; set; }

    public required string Value { get; set; }

    public required string Via { get; set; }

    public bool Verified { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public string Status { get; set; } = StatusPending;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
