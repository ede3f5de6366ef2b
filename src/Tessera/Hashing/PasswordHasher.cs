// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Tessera.Observability;

namespace Tessera.Hashing;

/// <summary>
/// Hashes new passwords with the configured algorithm (argon2id by default) and verifies stored hashes in every
/// format Tessera imports. Hashing is memory-hard by design, so at most one hash per CPU runs at a time: a burst
/// of logins queues instead of allocating 128 MB per request. Never logs passwords or hashes.
/// </summary>
internal sealed class PasswordHasher(HashersOptions options)
{
    private static readonly IPasswordHashFormat[] Formats =
        [new Argon2Format(), new BcryptFormat(), new Pbkdf2Format(), new ScryptFormat(), new AspNetIdentityFormat()];

    private readonly SemaphoreSlim _gate = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private string? _decoy;
    private long _verifications;

    public HashersOptions Options => options;

    /// <summary>
    /// Password verifications started since start-up (decoys included): what an attacker's guesses cost, and what the
    /// brute-force tests count to prove that refused guesses never reach the hasher.
    /// </summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    public string Hash(string password) => options.Algorithm == HashAlgorithm.Bcrypt
        ? BcryptFormat.Hash(password, options.BcryptCost)
        : Argon2Format.Hash(password, options.Argon2);

    /// <summary>Constant-time verification in the stored hash's own format; unknown or over-limit formats never match.</summary>
    public static bool Verify(string password, string hash) =>
        Formats.FirstOrDefault(f => f.Recognizes(hash)) is { } format && format.Verify(password, hash);

    /// <summary>Why a hash given at import cannot be stored; null when it can.</summary>
    public static string? CheckImported(string hash) =>
        Formats.FirstOrDefault(f => f.Recognizes(hash)) is { } format
            ? format.Check(hash)
            : "the hashed password is in no format Tessera knows (argon2id/argon2i, bcrypt, pbkdf2, scrypt PHC strings, or ASP.NET Core Identity v2/v3)";

    /// <summary>Whether a hash that just verified should be replaced with one made with the configured algorithm and cost.</summary>
    public bool NeedsRehash(string hash) => options.Algorithm switch
    {
        HashAlgorithm.Bcrypt => !new BcryptFormat().Recognizes(hash) || BcryptFormat.Cost(hash) != options.BcryptCost,
        _ => Argon2Format.Differs(hash, options.Argon2),
    };

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return Hash(password);
        }
        finally
        {
            TesseraMeter.Hash("hash", Stopwatch.GetElapsedTime(started));
            _gate.Release();
        }
    }

    public async Task<bool> VerifyAsync(string password, string hash, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _verifications);
        await _gate.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return Verify(password, hash);
        }
        finally
        {
            TesseraMeter.Hash("verify", Stopwatch.GetElapsedTime(started));
            _gate.Release();
        }
    }

    /// <summary>
    /// Spends the time of one verification for an identifier that has no password, so a login for an unknown
    /// account takes as long as one with a wrong password.
    /// </summary>
    // Don't reveal whether an account exists: the caller answers "invalid credentials" either way.
    public async Task SpendOneHashAsync(string password, CancellationToken cancellationToken = default)
    {
        _decoy ??= Hash("tessera-decoy-password");
        await VerifyAsync(password, _decoy, cancellationToken);
    }
}
