// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Identity;
using Tessera.Hashing;

namespace Tessera.Tests.Hashing;

/// <summary>
/// Hashes made by other implementations verify (not circular): pbkdf2/scrypt/ASP.NET v3 strings from Python's
/// hashlib, bcrypt from libxcrypt's crypt(3) and the classic OpenBSD vectors, argon2 from libargon2's own test
/// vectors, and ASP.NET Core Identity's real PasswordHasher.
/// </summary>
public sealed class ImportedHashVectorsTests
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData("$pbkdf2-sha256$i=10000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$VqOEAUrTaAjMD6sh91JvmGtbD+YNGnXNMbfIDxgj094", Password)]
    [InlineData("$pbkdf2-sha512$i=5000,l=64$MDEyMzQ1Njc4OWFiY2RlZg$Bxf9CjBr0UEIG4wMGkrrNM3vvcU6mfXsCae46r3o2DotLW7Ax17sTjDL5HRMXcuywcBf4J09xjIdkRpBnenoWg", Password)]
    [InlineData("$scrypt$ln=16384,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$tjK03tRvEjqCcPwmgtddMkgjlXrk8U/b9rIvfeBMKCc=", Password)]
    [InlineData("AQAAAAIAAYagAAAAEDAxMjM0NTY3ODlhYmNkZWYUjU2jeDRmOIQbK0f5D3lXn+vx5YOP/LDo4hqzACNrAQ==", Password)]
    [InlineData("$2b$06$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K", Password)]
    [InlineData("$2y$05$0123456789abcdefghijkesSXn1Ivr1ALp.4I3yvm8FsIF9awXMgS", Password)]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK", "U*U*")]
    [InlineData("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", "password")]
    [InlineData("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA", "password")]
    public void Verify_ForeignVector_MatchesOnlyItsPassword(string hash, string password)
    {
        PasswordHasher.CheckImported(hash).ShouldBeNull();
        PasswordHasher.Verify(password, hash).ShouldBeTrue();
        PasswordHasher.Verify(password + "x", hash).ShouldBeFalse();
    }

    [Fact]
    public void Verify_AspNetCoreIdentityV3_FromItsOwnHasher()
    {
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);

        PasswordHasher.CheckImported(hash).ShouldBeNull();
        PasswordHasher.Verify(Password, hash).ShouldBeTrue();
        PasswordHasher.Verify("wrong", hash).ShouldBeFalse();
    }
}
