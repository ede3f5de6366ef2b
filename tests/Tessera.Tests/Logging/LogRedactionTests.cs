// SPDX-License-Identifier: Apache-2.0
using Tessera.Logging;

namespace Tessera.Tests.Logging;

public sealed class LogRedactionTests
{
    [Fact]
    public void RequestLogScope_InTextLogs_PrintsTheRequestIdItself()
    {
        var scope = new RequestLogScope("trace-42");

        scope.ToString().ShouldBe("request_id:trace-42");
        scope.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<string, object>("request_id", "trace-42"));
    }

    [Theory]
    [InlineData("john@example.com", "j***@example.com")]
    [InlineData("a@b.io", "a***@b.io")]
    [InlineData("@example.com", "***@example.com")]
    [InlineData("+15551234567", "+***7")]
    [InlineData("", "")]
    public void RecipientMask_KeepsFirstCharacterAndDomainOnly(string recipient, string expected)
    {
        RecipientMask.Mask(recipient).ShouldBe(expected);
        new RecipientMask(recipient).ToString().ShouldBe(expected);
    }
}
