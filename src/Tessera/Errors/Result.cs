// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.CodeAnalysis;

namespace Tessera.Errors;

/// <summary>
/// The outcome of an operation that can fail in an expected way: a value, or a catalog error with its context.
/// Fail-closed: reading <see cref="Value"/> of a failure (or <see cref="Error"/> of a success) throws, so a
/// forgotten check is a bug that surfaces as a 500 instead of proceeding with a default.
/// </summary>
internal sealed class Result<T>
{
    private readonly T? _value;
    private readonly TesseraError? _error;

    private Result(T? value, TesseraError? error)
    {
        _value = value;
        _error = error;
    }

    [MemberNotNullWhen(false, nameof(ErrorOrNull))]
    public bool Succeeded => _error is null;

    public T Value => _error is null ? _value! : throw new InvalidOperationException($"The operation failed with {_error.Descriptor.Id}; there is no value.");

    public TesseraError Error => _error ?? throw new InvalidOperationException("The operation succeeded; there is no error.");

    public TesseraError? ErrorOrNull => _error;

    /// <summary>The value, or the default (null) when the operation failed: for callers that answer any failure alike.</summary>
    public T? ValueOrNull => _error is null ? _value : default;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(TesseraError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(TesseraError error) => Failure(error);

    public static implicit operator Result<T>(ErrorDescriptor error) => Failure(error);

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out TesseraError error)
    {
        value = _value;
        error = _error;
        return _error is null;
    }
}
