// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Methods.Code;

namespace Tessera.Tests.SelfService;

public sealed class OneTimeCodeTests
{
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
        var hash = OneTimeCode.Hash("123456", flow);

        hash.ShouldNotContain("123456");
        OneTimeCode.Matches("123456", hash, flow).ShouldBeTrue();
        OneTimeCode.Matches(" 123456 ", hash, flow).ShouldBeTrue();
        OneTimeCode.Matches("123457", hash, flow).ShouldBeFalse();
        OneTimeCode.Matches("123456", hash, Guid.NewGuid()).ShouldBeFalse();
        OneTimeCode.Matches(new string('1', 10_000), hash, flow).ShouldBeFalse();
    }
}
