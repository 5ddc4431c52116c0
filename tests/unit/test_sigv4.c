/* test_sigv4.c - SigV4 against AWS's published test vectors.
 *
 * The table below is the AWS Signature Version 4 test suite
 * (aws-sig-v4-test-suite, credentials AKIDEXAMPLE, region us-east-1, service
 * "service", 20150830T123600Z): request, canonical request (.creq), string to
 * sign (.sts) and Authorization value (.authz) of every case, asserted
 * exactly. Two cases of the published suite are not self-consistent:
 * post-x-www-form-urlencoded's .creq lists content-length although its
 * .sts/.authz do not sign it (we sign what the .sts covers and drop that line
 * from the expected .creq), and post-x-www-form-urlencoded-parameters' .sts
 * matches no canonical request; for those two the versions in awslabs/aws-c-auth
 * (which also sign x-amz-content-sha256) are used in `extra`. Further cases: get-utf8, get-space and get-vanilla-with-session-token
 * (Authorization values as published in awslabs/aws-c-auth's copy of the
 * suite), the S3 GetObject example of the S3 documentation, and an Athena
 * StartQueryExecution POST whose expected values were computed with botocore. */
#include "harness.h"

#include <time.h>

#include "sigv4.h"

typedef struct {
    const char *name, *method, *path, *query;
    sigv4_header headers[8];
    size_t nheaders;
    const char *body;
    const char *creq, *sts, *authz;
} vector;

static const vector suite[] = {
    {"get-header-key-duplicate", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"My-Header1", "value2"}, {"My-Header1", "value2"}, {"My-Header1", "value1"}, {"X-Amz-Date", "20150830T123600Z"}}, 5, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "my-header1:value2,value2,value1\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;my-header1;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"},
    {"get-header-value-order", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"My-Header1", "value4"}, {"My-Header1", "value1"}, {"My-Header1", "value3"}, {"My-Header1", "value2"}, {"X-Amz-Date", "20150830T123600Z"}}, 6, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "my-header1:value4,value1,value3,value2\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;my-header1;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"},
    {"get-header-value-trim", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"My-Header1", "value1"}, {"My-Header2", "\"a   b   c\""}, {"X-Amz-Date", "20150830T123600Z"}}, 4, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "my-header1:value1\n"
        "my-header2:\"a b c\"\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;my-header1;my-header2;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"},
    {"get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"},
    {"get-vanilla", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-vanilla-empty-query-key", "GET", "/", "Param1=value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "Param1=value1\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"},
    {"get-vanilla-query", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-vanilla-query-order-key", "GET", "/", "Param1=value2&Param1=Value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "Param1=Value1&Param1=value2\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"},
    {"get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "Param1=value1&Param2=value2\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
    {"get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "Param1=value1&Param1=value2\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"},
    {"get-vanilla-query-unreserved", "GET", "/", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"},
    {"get-vanilla-utf8-query", "GET", "/", "\341\210\264=bar",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "%E1%88%B4=bar\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"},
    {"post-header-key-case", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
    {"post-header-key-sort", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"My-Header1", "value1"}, {"X-Amz-Date", "20150830T123600Z"}}, 3, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "my-header1:value1\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;my-header1;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"},
    {"post-header-value-case", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"My-Header1", "VALUE1"}, {"X-Amz-Date", "20150830T123600Z"}}, 3, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "my-header1:VALUE1\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;my-header1;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"},
    {"post-vanilla", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
    {"post-vanilla-empty-query-value", "POST", "/", "Param1=value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "POST\n"
        "/\n"
        "Param1=value1\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"},
    {"post-vanilla-query", "POST", "/", "Param1=value1",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "POST\n"
        "/\n"
        "Param1=value1\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"},
    {"post-x-www-form-urlencoded", "POST", "/", "",
     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 3, "Param1=value1",
     "POST\n"
        "/\n"
        "\n"
        "content-type:application/x-www-form-urlencoded\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "content-type;host;x-amz-date\n"
        "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"},
    {"get-relative", "GET", "/example/..", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-relative-relative", "GET", "/example1/example2/../..", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-slash", "GET", "//", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-slash-dot-slash", "GET", "/./", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-slash-pointless-dot", "GET", "/./example", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/example\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"},
    {"get-slashes", "GET", "//example//", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n"
        "/example/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"},
    {"post-sts-header-after", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "\n"
        "host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
    {"post-sts-header-before", "POST", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}, {"X-Amz-Security-Token", "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="}}, 3, "",
     "POST\n"
        "/\n"
        "\n"
        "host:example.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n"
        "x-amz-security-token:AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==\n"
        "\n"
        "host;x-amz-date;x-amz-security-token\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/service/aws4_request\n"
        "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"},
};

#define E3 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

#define FORM_HASH "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"

static const vector extra[] = {
    {"post-x-www-form-urlencoded (aws-c-auth)", "POST", "/", "",
     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", "example.amazonaws.com"},
      {"Content-Length", "13"}, {"x-amz-content-sha256", FORM_HASH}, {"X-Amz-Date", "20150830T123600Z"}}, 5,
     "Param1=value1",
     "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
     "x-amz-content-sha256:" FORM_HASH "\nx-amz-date:20150830T123600Z\n\n"
     "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n" FORM_HASH,
     "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
     "b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
     "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
     "Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"},
    {"post-x-www-form-urlencoded-parameters (aws-c-auth)", "POST", "/", "",
     {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}, {"Host", "example.amazonaws.com"},
      {"Content-Length", "13"}, {"x-amz-content-sha256", FORM_HASH}, {"X-Amz-Date", "20150830T123600Z"}}, 5,
     "Param1=value1",
     "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
     "host:example.amazonaws.com\nx-amz-content-sha256:" FORM_HASH "\nx-amz-date:20150830T123600Z\n\n"
     "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n" FORM_HASH,
     "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
     "a89f1a5b53e37702ee6363ce1da3ce8f54386f3c8f352ae652153c2982a0bc4d",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
     "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
     "Signature=328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"},
    /* the raw path "/\u1234" (UTF-8 e1 88 b4) and "/example space/" are encoded once */
    {"get-utf8", "GET", "/\341\210\264", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" E3,
     "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
     "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
     "SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"},
    {"get-space", "GET", "/example space/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, 2, "",
     "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" E3,
     "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
     "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
     "SignedHeaders=host;x-amz-date, Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"},
    {"get-vanilla-with-session-token", "GET", "/", "",
     {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"},
      {"X-Amz-Security-Token", "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"}}, 3, "",
     "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
     "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\n"
     "host;x-amz-date;x-amz-security-token\n" E3,
     "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
     "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b",
     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
     "SignedHeaders=host;x-amz-date;x-amz-security-token, "
     "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"},
};

static time_t utc(int y, int mo, int d, int h, int mi, int s)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm);
}

static void run(const vector *v, const char *service, const char *region, time_t now,
                const aws_credentials *creds, const char *payload_hash)
{
    sigv4_request rq = {0};
    rq.method = v->method;
    rq.path = v->path;
    rq.query = v->query;
    rq.headers = v->headers;
    rq.header_count = v->nheaders;
    rq.body = v->body;
    rq.body_len = strlen(v->body);
    rq.payload_hash = payload_hash;
    rq.region = region;
    rq.service = service;
    rq.now = now;
    sigv4_result r;
    int rc = sigv4_sign(&rq, creds, &r);
    CHECK_INT(rc, 0, v->name);
    if (rc != 0)
        return;
    char what[128];
    snprintf(what, sizeof what, "%s canonical request", v->name);
    CHECK_STR(sb_str(&r.canonical_request), v->creq, what);
    snprintf(what, sizeof what, "%s string to sign", v->name);
    CHECK_STR(sb_str(&r.string_to_sign), v->sts, what);
    snprintf(what, sizeof what, "%s authorization", v->name);
    CHECK_STR(sb_str(&r.authorization), v->authz, what);
    sigv4_result_free(&r);
}

int main(void)
{
    aws_credentials suite_creds = {.access_key = "AKIDEXAMPLE",
                                   .secret_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
    time_t t2015 = utc(2015, 8, 30, 12, 36, 0);

    char d[17];
    sigv4_amz_date(t2015, d);
    CHECK_STR(d, "20150830T123600Z", "amz date");
    char h[65];
    sigv4_sha256_hex("", 0, h);
    CHECK_STR(h, E3, "sha256 of nothing");
    sigv4_sha256_hex("Param1=value1", 13, h);
    CHECK_STR(h, "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", "sha256 of a body");
    strbuf sb = STRBUF_INIT;
    sigv4_uri_encode(&sb, "a b/c~d+e=f%\xe1", 13, true);
    CHECK_STR(sb_str(&sb), "a%20b/c~d%2Be%3Df%25%E1", "uri encode keeping /");
    sb_reset(&sb);
    sigv4_uri_encode(&sb, "a/b", 3, false);
    CHECK_STR(sb_str(&sb), "a%2Fb", "uri encode with /");
    sb_free(&sb);

    for (size_t i = 0; i < sizeof suite / sizeof suite[0]; i++)
        run(&suite[i], "service", "us-east-1", t2015, &suite_creds, NULL);
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        run(&extra[i], "service", "us-east-1", t2015, &suite_creds, NULL);

    /* S3 documentation example: GET /test.txt with a Range, path verbatim */
    aws_credentials doc_creds = {.access_key = "AKIAIOSFODNN7EXAMPLE",
                                 .secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"};
    vector s3 = {"s3-get-object", "GET", "/test.txt", NULL,
                 {{"Host", "examplebucket.s3.amazonaws.com"}, {"Range", "bytes=0-9"},
                  {"x-amz-content-sha256", E3}, {"x-amz-date", "20130524T000000Z"}}, 4, "",
                 "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                 "x-amz-content-sha256:" E3 "\nx-amz-date:20130524T000000Z\n\n"
                 "host;range;x-amz-content-sha256;x-amz-date\n" E3,
                 "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                 "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
                 "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                 "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                 "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"};
    run(&s3, "s3", "us-east-1", utc(2013, 5, 24, 0, 0, 0), &doc_creds, E3);

    /* s3 keeps an encoded key as given; other services encode it again */
    {
        sigv4_header hh[] = {{"host", "h"}};
        sigv4_request rq = {.method = "GET", .path = "/b/a%20b", .headers = hh, .header_count = 1,
                            .region = "us-east-1", .service = "s3", .now = t2015,
                            .payload_hash = "UNSIGNED-PAYLOAD"};
        sigv4_result r;
        CHECK_INT(sigv4_sign(&rq, &doc_creds, &r), 0, "s3 encoded key");
        CHECK_STR(sb_str(&r.canonical_request),
                  "GET\n/b/a%20b\n\nhost:h\n\nhost\nUNSIGNED-PAYLOAD", "s3 path verbatim, unsigned payload");
        CHECK_STR(r.payload_hash, "UNSIGNED-PAYLOAD", "payload hash as given");
        sigv4_result_free(&r);
        rq.service = "execute-api";
        CHECK_INT(sigv4_sign(&rq, &doc_creds, &r), 0, "non-s3 encoded path");
        CHECK_STR(sb_str(&r.canonical_request),
                  "GET\n/b/a%2520b\n\nhost:h\n\nhost\nUNSIGNED-PAYLOAD", "non-s3 path encoded twice");
        sigv4_result_free(&r);
        /* query values are decoded then encoded strictly: %20 stays %20, '+' becomes %2B */
        rq.service = "s3";
        rq.query = "prefix=a%20b&list-type=2&delimiter=/&x=a+b&empty";
        CHECK_INT(sigv4_sign(&rq, &doc_creds, &r), 0, "s3 query");
        CHECK_STR(sb_str(&r.canonical_request),
                  "GET\n/b/a%20b\ndelimiter=%2F&empty=&list-type=2&prefix=a%20b&x=a%2Bb\nhost:h\n\nhost\nUNSIGNED-PAYLOAD",
                  "query canonicalised");
        sigv4_result_free(&r);
    }

    /* Athena StartQueryExecution POST (expected values from botocore) */
    const char *body = "{\"QueryString\":\"SELECT 1\",\"ClientRequestToken\":"
                       "\"0b0e9f7c-2f4c-4d55-9a0f-6c1a2b3c4d5e\",\"WorkGroup\":\"primary\"}";
    vector athena = {"athena-start-query", "POST", "/", NULL,
                     {{"Content-Type", "application/x-amz-json-1.1"},
                      {"Host", "athena.us-east-1.amazonaws.com"},
                      {"X-Amz-Date", "20240102T030405Z"},
                      {"X-Amz-Target", "AmazonAthena.StartQueryExecution"}}, 4, body,
                     "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:athena.us-east-1.amazonaws.com\n"
                     "x-amz-date:20240102T030405Z\nx-amz-target:AmazonAthena.StartQueryExecution\n\n"
                     "content-type;host;x-amz-date;x-amz-target\n"
                     "531ac0d5986b1b1588c2ffe357dc8e71ec974d9b1e51c8092b99eb9b928d5ee8",
                     "AWS4-HMAC-SHA256\n20240102T030405Z\n20240102/us-east-1/athena/aws4_request\n"
                     "293d1ac549183cf0f960e727670526d51ef882dd523f36aa185b44f873bab670",
                     "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/athena/aws4_request, "
                     "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                     "Signature=0319d03eb81f864095748e1c3501fe55a5c6b59686b8ead41287e0b0038a5d12"};
    time_t t2024 = utc(2024, 1, 2, 3, 4, 5);
    run(&athena, "athena", "us-east-1", t2024, &doc_creds, NULL);

    aws_credentials tok_creds = doc_creds;
    snprintf(tok_creds.session_token, sizeof tok_creds.session_token, "%s",
             "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE=");
    vector athena_tok = {"athena-start-query-token", "POST", "/", NULL,
                         {{"Content-Type", "application/x-amz-json-1.1"},
                          {"Host", "athena.us-east-1.amazonaws.com"},
                          {"X-Amz-Date", "20240102T030405Z"},
                          {"X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE="},
                          {"X-Amz-Target", "AmazonAthena.StartQueryExecution"}}, 5, body,
                         "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:athena.us-east-1.amazonaws.com\n"
                         "x-amz-date:20240102T030405Z\n"
                         "x-amz-security-token:FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE=\n"
                         "x-amz-target:AmazonAthena.StartQueryExecution\n\n"
                         "content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n"
                         "531ac0d5986b1b1588c2ffe357dc8e71ec974d9b1e51c8092b99eb9b928d5ee8",
                         "AWS4-HMAC-SHA256\n20240102T030405Z\n20240102/us-east-1/athena/aws4_request\n"
                         "421eebfce7b4f1135feb2e7b7f0ec47e8d878a26b3e09ad92a421e9291c50aee",
                         "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/athena/aws4_request, "
                         "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                         "Signature=ab62cbaccaeba7d3dd3befe6210703f6e6afbef75526ad999b962935f06adef4"};
    run(&athena_tok, "athena", "us-east-1", t2024, &tok_creds, NULL);

    /* the secret never appears in what sigv4 hands back */
    {
        sigv4_request rq = {.method = "POST", .path = "/", .headers = athena.headers,
                            .header_count = athena.nheaders, .body = body, .body_len = strlen(body),
                            .region = "us-east-1", .service = "athena", .now = t2024};
        sigv4_result r;
        CHECK_INT(sigv4_sign(&rq, &tok_creds, &r), 0, "sign for secret check");
        CHECK(strstr(sb_str(&r.authorization), tok_creds.secret_key) == NULL, "no secret in authorization");
        CHECK(strstr(sb_str(&r.canonical_request), tok_creds.secret_key) == NULL, "no secret in canonical request");
        CHECK(strstr(sb_str(&r.string_to_sign), tok_creds.secret_key) == NULL, "no secret in string to sign");
        sigv4_result_free(&r);
    }
    return th_done();
}
