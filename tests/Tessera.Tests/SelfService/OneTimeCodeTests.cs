// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using Tessera.Security.Secrets;
using Tessera.SelfService.Methods.Code;

namespace Tessera.Tests.SelfService;

public sealed class OneTimeCodeTests
{
    private static readonly PurposeKeys Keys = new([RandomNumberGenerator.GetBytes(32)]);

    [Fact]
    public void Generate_GivesSixDigits()
    {
        for (var i = 0; i < 200; i++)
        {
            OneTimeCode.Generate().ShouldMatch(@"^\d{6}$");
        }
    }

    [Fact]
    public void Hash_IsBoundToTheFlow_AndNeverTheCodeItself()
    {
        var flow = Guid.NewGuid();
        var hash = OneTimeCode.Hash("123456", flow, Keys);

        hash.ShouldNotContain("123456");
        OneTimeCode.Matches("123456", hash, flow, Keys).ShouldBeTrue();
        OneTimeCode.Matches(" 123456 ", hash, flow, Keys).ShouldBeTrue();
        OneTimeCode.Matches("123457", hash, flow, Keys).ShouldBeFalse();
        OneTimeCode.Matches("123456", hash, Guid.NewGuid(), Keys).ShouldBeFalse();
        OneTimeCode.Matches(new string('1', 10_000), hash, flow, Keys).ShouldBeFalse();
        OneTimeCode.Matches("123456", "not base64!", flow, Keys).ShouldBeFalse();
    }

    [Fact]
    public void Hash_IsNotTheFlowKeyedHmac_AndNeedsTheSecret()
    {
        var flow = Guid.NewGuid();
        var hash = OneTimeCode.Hash("123456", flow, Keys);

        // What was stored before: HMAC keyed with the public flow id, which anyone holding the row can brute-force.
        hash.ShouldNotBe(Convert.ToBase64String(HMACSHA256.HashData(flow.ToByteArray(), Encoding.UTF8.GetBytes("123456"))));
        OneTimeCode.Matches("123456", hash, flow, new PurposeKeys([RandomNumberGenerator.GetBytes(32)])).ShouldBeFalse();
    }

    [Fact]
    public void Matches_AfterRotation_AcceptsCodesOfEveryKeptSecret_AndNoneOfARemovedOne()
    {
        var (old, current) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var flow = Guid.NewGuid();
        var issuedBefore = OneTimeCode.Hash("654321", flow, new PurposeKeys([old]));

        var rotated = new PurposeKeys([current, old]);

        OneTimeCode.Matches("654321", issuedBefore, flow, rotated).ShouldBeTrue();
        OneTimeCode.Matches("654321", OneTimeCode.Hash("654321", flow, rotated), flow, new PurposeKeys([current])).ShouldBeTrue();
        OneTimeCode.Matches("654321", issuedBefore, flow, new PurposeKeys([current])).ShouldBeFalse();
    }
}
