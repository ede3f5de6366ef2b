// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.CodeAnalysis;

namespace Tessera.Errors;

/// <summary>
/// An expected outcome: a value, or a catalog error. Fail-closed: reading <see cref="Value"/> of a failure throws,
/// so a forgotten check cannot pass a default value along as if it were real.
/// </summary>
internal readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, TesseraError? error)
    {
        _value = value;
        Error = error;
    }

    public TesseraError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The result is the error {Error.Descriptor.Id}, not a value.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(TesseraError error) => new(default, error);

    public static implicit operator Result<T>(ErrorDescriptor error) => new(default, new TesseraError(error));
}
