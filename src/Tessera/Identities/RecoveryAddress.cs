// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>An address the schema marks with <c>recovery.via</c>; unique per project, channel and value.</summary>
internal sealed class RecoveryAddress
{
    public Guid Id { get; set; }

    public required string Value { get; set; }

    public required string Via { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
