// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Tessera.Hashing;

namespace Tessera.Tests.Hashing;

public sealed class PasswordHasherTests
{
    private static readonly Argon2Parameters Small = new(8 * 1024, 1, 2, 16, 32);

    [Fact]
    public void Argon2id_RoundTrip_ProducesPhcStringThatVerifies()
    {
        var hasher = new PasswordHasher(new HashersOptions(HashAlgorithm.Argon2, Small, 4));

        var hash = hasher.Hash("a password");

        hash.ShouldStartWith("$argon2id$v=19$m=8192,t=1,p=2$");
        PasswordHasher.Verify("a password", hash).ShouldBeTrue();
        PasswordHasher.Verify("a passwore", hash).ShouldBeFalse();
        hasher.NeedsRehash(hash).ShouldBeFalse();
        new PasswordHasher(new HashersOptions(HashAlgorithm.Argon2, Small with { Iterations = 2 }, 4)).NeedsRehash(hash).ShouldBeTrue();
    }

    [Fact]
    public void Bcrypt_RoundTrip_Verifies_AndOtherFormatsNeedRehash()
    {
        var hasher = new PasswordHasher(new HashersOptions(HashAlgorithm.Bcrypt, Small, 5));

        var hash = hasher.Hash("a password");

        hash.ShouldStartWith("$2b$05$");
        PasswordHasher.Verify("a password", hash).ShouldBeTrue();
        hasher.NeedsRehash(hash).ShouldBeFalse();
        hasher.NeedsRehash("$pbkdf2-sha256$i=1000,l=32$c2FsdHNhbHQ$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ").ShouldBeTrue();
        new PasswordHasher(new HashersOptions(HashAlgorithm.Argon2, Small, 5)).NeedsRehash(hash).ShouldBeTrue();
    }

    [Theory]
    [InlineData("$2b$31$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K", "bcrypt")]
    [InlineData("$argon2id$v=19$m=67108864,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", "argon2")]
    [InlineData("$argon2id$v=19$m=65536,t=100000,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", "argon2")]
    [InlineData("$pbkdf2-sha256$i=2000000000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$VqOEAUrTaAjMD6sh91JvmGtbD+YNGnXNMbfIDxgj094", "pbkdf2")]
    [InlineData("$scrypt$ln=1073741824,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$tjK03tRvEjqCcPwmgtddMkgjlXrk8U/b9rIvfeBMKCc=", "scrypt")]
    public void CheckImported_AbsurdCost_IsRejectedQuicklyWithAReason(string hash, string algorithm)
    {
        var watch = Stopwatch.StartNew();

        var reason = PasswordHasher.CheckImported(hash);
        var verified = PasswordHasher.Verify("password", hash);

        reason.ShouldNotBeNull();
        reason.ShouldContain(algorithm);
        verified.ShouldBeFalse();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("plaintext")]
    [InlineData("$md5$abc")]
    [InlineData("$argon2id$v=19$garbage")]
    [InlineData("$2b$10$short")]
    public void CheckImported_UnknownOrMalformed_IsRejected(string hash) =>
        PasswordHasher.CheckImported(hash).ShouldNotBeNull();

    [Fact]
    public async Task SpendOneHash_TakesAboutOneVerification()
    {
        var hasher = new PasswordHasher(new HashersOptions(HashAlgorithm.Argon2, Small with { MemoryKiB = 32 * 1024 }, 4));
        var hash = hasher.Hash("known password");
        await hasher.SpendOneHashAsync("warm-up");

        var verify = Stopwatch.StartNew();
        await hasher.VerifyAsync("wrong", hash);
        verify.Stop();
        var spend = Stopwatch.StartNew();
        await hasher.SpendOneHashAsync("wrong");
        spend.Stop();

        spend.Elapsed.TotalMilliseconds.ShouldBeGreaterThan(verify.Elapsed.TotalMilliseconds * 0.3);
    }

    [Theory]
    [InlineData("128MB", 128L << 20)]
    [InlineData("64KB", 64L << 10)]
    [InlineData("1GB", 1L << 30)]
    public void ByteSize_ParsesKratosSizes(string text, long bytes)
    {
        ByteSize.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(bytes);
    }
}
