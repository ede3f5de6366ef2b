// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.CodeAnalysis;
using Tessera.Errors;

namespace Tessera.Identities;

/// <summary>An identity, or the catalog error that says why there is none (fail closed: no value without success).</summary>
internal sealed record IdentityResult
{
    private IdentityResult(Identity? value, TesseraError? error)
    {
        Value = value;
        Error = error;
    }

    public Identity? Value { get; }

    public TesseraError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null && Value is not null;

    public static IdentityResult Success(Identity identity) => new(identity, null);

    public static IdentityResult Failure(TesseraError error) => new(null, error);

    public static implicit operator IdentityResult(TesseraError error) => Failure(error);

    public static implicit operator IdentityResult(ErrorDescriptor error) => Failure(error);
}
