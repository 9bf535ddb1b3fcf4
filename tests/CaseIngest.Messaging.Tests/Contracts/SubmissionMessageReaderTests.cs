using System.Text;
using CaseIngest.Messaging.Contracts;

namespace CaseIngest.Messaging.Tests.Contracts;

public sealed class SubmissionMessageReaderTests
{
    [Fact]
    public void Read_CompleteMessage_ReturnsIt()
    {
        var body = """{"schemaVersion":1,"submissionId":"P001","packageUri":"2026/P001.zip","edition":8,"recommender":"某协会","submittedAt":"2026-07-12T09:30:00+08:00"}""";

        var result = SubmissionMessageReader.Read(Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Null(result.Error);
        Assert.Equal("P001", result.Message!.SubmissionId);
        Assert.Equal(8, result.Message.Edition);
        Assert.Equal(new DateTimeOffset(2026, 7, 12, 9, 30, 0, TimeSpan.FromHours(8)), result.Message.SubmittedAt);
    }

    [Fact]
    public void Read_WrittenByToUtf8Json_RoundTrips()
    {
        var message = new SubmissionMessage { SubmissionId = "案例-1", PackageUri = "a/b.zip", Recommender = "安徽省企业联合会" };

        var result = SubmissionMessageReader.Read(message.ToUtf8Json(), SubmissionMessage.ContentType);

        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("{ not json", "application/json", "not a submission message")]
    [InlineData("", "application/json", "empty")]
    [InlineData("null", "application/json", "JSON null")]
    [InlineData("""{"schemaVersion":1,"submissionId":"P1","packageUri":"x"}""", "text/plain", "content type 'text/plain'")]
    [InlineData("""{"schemaVersion":2,"submissionId":"P1","packageUri":"x"}""", "application/json", "schemaVersion 2")]
    [InlineData("""{"schemaVersion":1,"packageUri":"x"}""", "application/json", "submissionId")]
    [InlineData("""{"schemaVersion":1,"submissionId":"  ","packageUri":"x"}""", "application/json", "submissionId is empty")]
    [InlineData("""{"schemaVersion":1,"submissionId":"P1","packageUri":""}""", "application/json", "packageUri is empty")]
    [InlineData("""{"schemaVersion":1,"submissionId":"P1","packageUri":"x","edition":0}""", "application/json", "edition 0")]
    [InlineData("""{"schemaVersion":1,"submissionId":"P1","packageUri":"x","submittedAt":"yesterday"}""", "application/json", "not a submission message")]
    [InlineData("[1,2]", "application/json", "not a submission message")]
    public void Read_MalformedMessage_SaysWhy(string body, string contentType, string expected)
    {
        var result = SubmissionMessageReader.Read(Encoding.UTF8.GetBytes(body), contentType);

        Assert.Null(result.Message);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
