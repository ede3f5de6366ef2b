// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// An expected failure as a value: a catalog entry plus what is specific to this occurrence (a reason that
/// replaces the catalog's default, machine-readable details).
/// </summary>
internal sealed record TesseraError(ErrorDescriptor Descriptor, string? Reason = null, IReadOnlyDictionary<string, object?>? Details = null)
{
    public static implicit operator TesseraError(ErrorDescriptor descriptor) => new(descriptor);

    public int Status => Descriptor.Status;

    public string EffectiveReason => Reason ?? Descriptor.Reason;
}
