namespace Cutover.Engine.Tests.AwsAlb;

/// <summary>ARNs and response documents shaped as the ELBv2 API answers them.</summary>
internal static class ElbV2Samples
{
    public const string RuleArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    public const string Blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-tg/73e2d6bc24d8a067";
    public const string Green = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green-tg/2453ed029918f21f";
    public const string Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public static AwsAlbPlan Plan => new()
    {
        Region = "us-east-1", ListenerRuleArn = RuleArn, BlueTargetGroupArn = Blue, GreenTargetGroupArn = Green, AppPort = 3000,
    };

    public static string Response(string operation, string result) =>
        $"""<{operation}Response xmlns="{Ns}"><{operation}Result>{result}</{operation}Result><ResponseMetadata><RequestId>0e1a2b3c</RequestId></ResponseMetadata></{operation}Response>""";

    public static string Error(string code, string message, string type = "Sender") =>
        $"""<ErrorResponse xmlns="{Ns}"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>f6431622</RequestId></ErrorResponse>""";

    /// <summary>
    /// A rule as a newer ELBv2 model answers it: an authenticate-oidc action first, a weighted forward action with
    /// stickiness, plus elements the 2015-12-01 model lacks (Transforms, RegexValues, a JwtValidationConfig-like member).
    /// </summary>
    public static string DescribeRulesWithNewerElements(int blueWeight, int greenWeight) => Response("DescribeRules", $"""
        <Rules><member>
          <RuleArn>{RuleArn}</RuleArn><Priority>10</Priority>
          <Conditions><member><Field>path-pattern</Field><Values><member>/*</member></Values>
            <PathPatternConfig><Values><member>/*</member></Values></PathPatternConfig>
            <RegexValues><member>^/api/.*$</member></RegexValues></member></Conditions>
          <Actions>
            <member><Type>authenticate-oidc</Type>
              <AuthenticateOidcConfig><Issuer>https://idp.example.test</Issuer><AuthorizationEndpoint>https://idp.example.test/auth</AuthorizationEndpoint>
                <TokenEndpoint>https://idp.example.test/token</TokenEndpoint><UserInfoEndpoint>https://idp.example.test/userinfo</UserInfoEndpoint>
                <ClientId>cutover</ClientId><SessionTimeout>3600</SessionTimeout><OnUnauthenticatedRequest>authenticate</OnUnauthenticatedRequest>
                <AuthenticationRequestExtraParams><entry><key>prompt</key><value>login</value></entry></AuthenticationRequestExtraParams>
                <FutureMember>ignored</FutureMember>
              </AuthenticateOidcConfig><Order>1</Order></member>
            <member><Type>forward</Type><Order>2</Order>
              <ForwardConfig><TargetGroups>
                <member><TargetGroupArn>{Green}</TargetGroupArn><Weight>{greenWeight}</Weight></member>
                <member><TargetGroupArn>{Blue}</TargetGroupArn><Weight>{blueWeight}</Weight></member></TargetGroups>
                <TargetGroupStickinessConfig><Enabled>true</Enabled><DurationSeconds>600</DurationSeconds></TargetGroupStickinessConfig>
              </ForwardConfig></member>
          </Actions>
          <IsDefault>false</IsDefault>
          <Transforms><member><Type>url-rewrite</Type><UrlRewriteConfig><Rewrites><member><Regex>^/old</Regex><Replace>/new</Replace></member></Rewrites></UrlRewriteConfig></member></Transforms>
        </member></Rules>
        """);
}
