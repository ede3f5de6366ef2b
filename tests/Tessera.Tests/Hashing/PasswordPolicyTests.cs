// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using HashAlgorithm = Tessera.Hashing.HashAlgorithm;
using Tessera.Hashing;
using Tessera.Projects.Overlays;

namespace Tessera.Tests.Hashing;

public sealed class PasswordPolicyTests
{
    private static readonly Argon2Parameters Argon2 = new(8192, 1, 1, 16, 32);

    private static PasswordPolicy Policy(HashAlgorithm algorithm = HashAlgorithm.Argon2, string? breached = null) =>
        new(ProjectOptions<PasswordPolicyOptions>.Fixed(new PasswordPolicyOptions(8, 1024, true, 1, breached)), new HashersOptions(algorithm, Argon2, 12), breachedApi: null);

    [Fact]
    public void Check_ShortPassword_Gives4000032WithLengths()
    {
        var message = Policy().Check("short", ["ann@example.com"]);

        message.ShouldNotBeNull();
        message.Id.ShouldBe(4000032);
        message.Context["min_length"].ShouldBe(8);
        message.Context["actual_length"].ShouldBe(5);
    }

    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("ann.smith@example.com", "Ann.Smith1")]
    [InlineData("johndoe", "johndoe123")]
    public void Check_PasswordLikeIdentifier_Gives4000031(string identifier, string password) =>
        Policy().Check(password, [identifier])!.Id.ShouldBe(4000031);

    [Fact]
    public void Check_UnrelatedLongPassword_Passes() =>
        Policy().Check("correct horse battery staple", ["ann@example.com"]).ShouldBeNull();

    [Fact]
    public void Check_Over72BytesWithBcrypt_Gives4000033_ButNotWithArgon2()
    {
        var password = new string('x', 40) + "ünïcödé-and-more-text-to-pass-72";

        Policy(HashAlgorithm.Bcrypt).Check(password, [])!.Id.ShouldBe(4000033);
        Policy(HashAlgorithm.Argon2).Check(password, []).ShouldBeNull();
    }

    [Fact]
    public void Check_PasswordInBreachedFile_Gives4000034()
    {
        var file = Path.GetTempFileName();
#pragma warning disable CA5350 // The breached lists are keyed by SHA-1.
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes("Tr0ub4dor&3-breached")));
#pragma warning restore CA5350
        File.WriteAllText(file, $"{digest}:52\n0000000000000000000000000000000000000000:1\n");

        Policy(breached: file).Check("Tr0ub4dor&3-breached", [])!.Id.ShouldBe(4000034);
        Policy(breached: file).Check("a fine unbreached passphrase", []).ShouldBeNull();
    }
}
