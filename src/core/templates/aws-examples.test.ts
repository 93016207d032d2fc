import { describe, expect, it } from 'vitest';
import { type RenderTemplateOptions, renderMappingTemplate } from './render-template';
import { parseSampleRequest } from './sample-request';

/**
 * Mapping-template examples from AWS's API Gateway Developer Guide (the stored 2023 copy in
 * ../shared/reference/aws-apigateway-guide/, from awsdocs/amazon-api-gateway-developer-guide), each with the
 * input and the output the page documents. Outputs that are JSON are compared as parsed JSON (Velocity's
 * whitespace handling is not what they document); the cited page is above each test.
 */
function render(template: string, request: unknown, options: Partial<RenderTemplateOptions> = {}) {
  const parsed = parseSampleRequest(request);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = renderMappingTemplate({ template, request: parsed.request, ...options });
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column}: ${result.error.message}`);
  return result;
}

describe('api-gateway-mapping-template-reference.md', () => {
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-example-request-and-response`
  it('"Example request and response using $input": id from the path, count from $input.path(...).size()', () => {
    const { output } = render(
      `{
    "id" : "$input.params('id')",
    "count" : "$input.path('$.things').size()",
    "things" : $util.escapeJavaScript($input.json('$.things'))
}`,
      {
        httpMethod: 'POST',
        resourcePath: '/things/{id}',
        path: '/things/abc',
        pathParameters: { id: 'abc' },
        body: '{"things":{"1":{},"2":{},"3":{}}}',
      },
    );
    // The page's response shows "things" as an object; as written the template escapes its quotes
    // ($util.escapeJavaScript), which is what API Gateway sends: unescaped, it is the documented object.
    const things = /"things" : (.*)\n}$/.exec(output)?.[1] ?? '';
    expect(things).toBe('{\\"1\\":{},\\"2\\":{},\\"3\\":{}}');
    expect(JSON.parse(output.replace(things, things.replace(/\\"/g, '"')))).toEqual({
      id: 'abc',
      count: '3',
      things: { 1: {}, 2: {}, 3: {} },
    });
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference` ($input.path row)
  it('$input.path(x).count() of the pets list is 3', () => {
    const pets = [
      { id: 1, type: 'dog', price: 249.99 },
      { id: 2, type: 'cat', price: 124.99 },
      { id: 3, type: 'fish', price: 0.99 },
    ];
    expect(render("$input.path('$.pets').count()", { body: JSON.stringify({ pets }) }).output).toBe('3');
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-example-json-mapping-template`
  it('"Example JSON mapping template using $input": a query string parameter and the whole body', () => {
    const template = `{
    "name" : "$input.params('name')",
    "body" : $input.json('$') 
}`;
    const { output } = render(template, { queryStringParameters: { name: 'Rex' }, body: '{"kind": "dog", "age": 3}' });
    expect(JSON.parse(output)).toEqual({ name: 'Rex', body: { kind: 'dog', age: 3 } });
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-example-inputs-mapping-template`
  it('"Example mapping template using $input": $input.json(\'$.mykey\') and its escaped form', () => {
    const request = { queryStringParameters: { name: 'Rex' }, body: '{"mykey": {"a": "it\'s"}}' };
    const plain = render(`{\n    "name" : "$input.params('name')",\n    "body" : $input.json('$.mykey')  \n}`, request).output;
    expect(JSON.parse(plain)).toEqual({ name: 'Rex', body: { a: "it's" } });
    const escaped = render(`$util.escapeJavaScript($input.json('$.mykey'))`, request).output;
    expect(escaped).toBe(`{\\"a\\":\\"it\\'s\\"}`);
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-example-param-map-template`
  it('"Parameter mapping template example": every parameter, by location, through $input.params()', () => {
    const template = `#set($allParams = $input.params())
{
  "params" : {
    #foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
    "$type" : {
      #foreach($paramName in $params.keySet())
      "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
      #if($foreach.hasNext),#end
      #end
    }
    #if($foreach.hasNext),#end
    #end
  }
}`;
    const { output } = render(template, {
      pathParameters: { path_name: 'path_value' },
      headers: { header_name: 'header_value', Quote: 'say "hi"' },
      queryStringParameters: { querystring_name: 'querystring_value' },
    });
    expect(JSON.parse(output)).toEqual({
      params: {
        path: { path_name: 'path_value' },
        header: { header_name: 'header_value', Quote: 'say "hi"' },
        querystring: { querystring_name: 'querystring_value' },
      },
    });
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variables-template-example`
  it('"$context Variable template example": $context values mapped to backend names', () => {
    const template = `{
    "stage" : "$context.stage",
    "request_id" : "$context.requestId",
    "api_id" : "$context.apiId",
    "resource_path" : "$context.resourcePath",
    "resource_id" : "$context.resourceId",
    "http_method" : "$context.httpMethod",
    "source_ip" : "$context.identity.sourceIp",
    "user-agent" : "$context.identity.userAgent",
    "account_id" : "$context.identity.accountId",
    "api_key" : "$context.identity.apiKey",
    "caller" : "$context.identity.caller",
    "user" : "$context.identity.user",
    "user_arn" : "$context.identity.userArn"
}`;
    // Values from the newer page's documented output (${guide}/api-gateway-mapping-variable-examples.html, Example 1).
    const context = {
      stage: 'prod',
      requestId: 'abcdefg-000-000-0000-abcdefg',
      apiId: 'abcd1234',
      resourceId: 'efg567',
      identity: {
        sourceIp: '192.0.2.1',
        userAgent: 'curl/7.84.0',
        accountId: '111122223333',
        apiKey: 'MyTestKey',
        caller: 'ABCD-0000-12345',
        user: 'ABCD-0000-12345',
        userArn: 'arn:aws:sts::111122223333:assumed-role/Admin/carlos-salazar',
      },
    };
    const { output } = render(template, { httpMethod: 'GET', resourcePath: '/', context });
    expect(JSON.parse(output)).toEqual({
      stage: 'prod',
      request_id: 'abcdefg-000-000-0000-abcdefg',
      api_id: 'abcd1234',
      resource_path: '/',
      resource_id: 'efg567',
      http_method: 'GET',
      source_ip: '192.0.2.1',
      'user-agent': 'curl/7.84.0',
      account_id: '111122223333',
      api_key: 'MyTestKey',
      caller: 'ABCD-0000-12345',
      user: 'ABCD-0000-12345',
      user_arn: 'arn:aws:sts::111122223333:assumed-role/Admin/carlos-salazar',
    });
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference` ($context.authorizer rows)
  it('$context.authorizer values are strings, and $context.authorizer.claims alone is null', () => {
    const context = { authorizer: { key: 'value', numKey: 1, boolKey: true, claims: { sub: 'u-1', email: 'a@example.com' } } };
    const { output } = render(
      '$context.authorizer.key|$context.authorizer.numKey|$context.authorizer.boolKey|$context.authorizer.claims|$context.authorizer.claims.email',
      { context },
    );
    expect(output).toBe('value|1|true||a@example.com');
    const types = render('#if($context.authorizer.numKey == "1")string#end', { context }).output;
    expect(types).toBe('string');
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#stagevariables-template-reference`
  it('$stageVariables in its three documented forms', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL's ${...} reference syntax, not a JavaScript template
    const { output } = render("$stageVariables.url|$stageVariables['url']|${stageVariables['url']}", {
      stageVariables: { url: 'example.com' },
    });
    expect(output).toBe('example.com|example.com|example.com');
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference` ($util.escapeJavaScript row)
  it("$util.escapeJavaScript turns single quotes into \\', and the documented replaceAll turns them back", () => {
    const request = { body: JSON.stringify({ data: "it's" }) };
    expect(render("$util.escapeJavaScript($input.path('$.data'))", request).output).toBe("it\\'s");
    expect(render(`$util.escapeJavaScript($input.path('$.data')).replaceAll("\\\\'","'")`, request).output).toBe("it's");
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference` ($util.parseJson row)
  it('$util.parseJson of a stringified errorMessage', () => {
    const template = `#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))
{
   "errorMessageObjKey2ArrVal" : $errorMessageObj.key2.arr[0]
}`;
    const { output } = render(template, { body: '{"errorMessage":"{\\"key1\\":\\"var1\\",\\"key2\\":{\\"arr\\":[1,2,3]}}"}' });
    expect(output).toBe('{\n   "errorMessageObjKey2ArrVal" : 1\n}');
  });
});

describe('models-mappings.md and the example-*.md pages', () => {
  const groceries = {
    department: 'produce',
    categories: ['fruit', 'vegetables'],
    bins: [
      { category: 'fruit', type: 'apples', price: 1.99, unit: 'pound', quantity: 232 },
      { category: 'fruit', type: 'bananas', price: 0.19, unit: 'each', quantity: 112 },
      { category: 'vegetables', type: 'carrots', price: 1.29, unit: 'bag', quantity: 57 },
    ],
  };

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html#models-mappings-mappings`
  it('the produce inventory becomes "choices" with "suggestedPrice" strings', () => {
    const template = `#set($inputRoot = $input.path('$'))
{
  "choices": [
#foreach($elem in $inputRoot.bins)
    {
      "kind": "$elem.type",
      "suggestedPrice": "$elem.price per $elem.unit",
      "available": $elem.quantity
    }#if($foreach.hasNext),#end
            
#end
  ]
}`;
    const { output } = render(template, { body: JSON.stringify(groceries) }, { phase: 'response' });
    expect(JSON.parse(output)).toEqual({
      choices: [
        { kind: 'apples', suggestedPrice: '1.99 per pound', available: 232 },
        { kind: 'bananas', suggestedPrice: '0.19 per each', available: 112 },
        { kind: 'carrots', suggestedPrice: '1.29 per bag', available: 57 },
      ],
    });
  });

  const photos = {
    photos: {
      page: 1,
      pages: '1234',
      perpage: 100,
      total: '123398',
      photo: [
        {
          id: '12345678901',
          owner: '23456789@A12',
          secret: 'abc123d456',
          server: '1234',
          farm: 1,
          title: 'Sample photo 1',
          ispublic: 1,
          isfriend: 0,
          isfamily: 0,
        },
        {
          id: '23456789012',
          owner: '34567890@B23',
          secret: 'bcd234e567',
          server: '2345',
          farm: 2,
          title: 'Sample photo 2',
          ispublic: 1,
          isfriend: 0,
          isfamily: 0,
        },
      ],
    },
  };

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-photos.html#example-photos-input-mapping`
  it('photos input mapping template reproduces the original data', () => {
    const template = `#set($inputRoot = $input.path('$'))
{
  "photos": {
    "page": $inputRoot.photos.page,
    "pages": "$inputRoot.photos.pages",
    "perpage": $inputRoot.photos.perpage,
    "total": "$inputRoot.photos.total",
    "photo": [
#foreach($elem in $inputRoot.photos.photo)
      {
        "id": "$elem.id",
        "owner": "$elem.owner",
        "secret": "$elem.secret",
        "server": "$elem.server",
        "farm": $elem.farm,
        "title": "$elem.title",
        "ispublic": $elem.ispublic,
        "isfriend": $elem.isfriend,
        "isfamily": $elem.isfamily
      }#if($foreach.hasNext),#end
			
#end
    ]
  }
}`;
    expect(JSON.parse(render(template, { body: JSON.stringify(photos) }).output)).toEqual(photos);
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-photos.html#example-photos-output-mapping` (documented result: #example-photos-transformed-data)
  it('photos output mapping template gives the documented transformed data', () => {
    const template = `#set($inputRoot = $input.path('$'))
{
  "photos": [
#foreach($elem in $inputRoot.photos.photo)
    {
      "id": "$elem.id",
      "owner": "$elem.owner",
      "title": "$elem.title",
      "ispublic": $elem.ispublic,
      "isfriend": $elem.isfriend,
      "isfamily": $elem.isfamily
    }#if($foreach.hasNext),#end
		
#end
  ]
}`;
    expect(JSON.parse(render(template, { body: JSON.stringify(photos) }, { phase: 'response' }).output)).toEqual({
      photos: [
        { id: '12345678901', owner: '23456789@A12', title: 'Sample photo 1', ispublic: 1, isfriend: 0, isfamily: 0 },
        { id: '23456789012', owner: '34567890@B23', title: 'Sample photo 2', ispublic: 1, isfriend: 0, isfamily: 0 },
      ],
    });
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-news-article.html#example-news-article-output-mapping` (documented result: #example-news-article-transformed-data)
  it("news article output mapping template joins the author's names", () => {
    const article = {
      count: 1,
      items: [
        {
          last_updated_date: '2015-04-24',
          expire_date: '2016-04-25',
          author_first_name: 'John',
          description: 'Sample Description',
          creation_date: '2015-04-20',
          title: 'Sample Title',
          allow_comment: '1',
          author: { last_name: 'Doe', email: 'johndoe@example.com', first_name: 'John' },
          body: 'Sample Body',
          publish_date: '2015-04-25',
          version: '1',
          author_last_name: 'Doe',
          parent_id: 2345678901,
          article_url: 'http://www.example.com/articles/3456789012',
        },
      ],
      version: 1,
    };
    const template = `#set($inputRoot = $input.path('$'))
{
  "count": $inputRoot.count,
  "items": [
#foreach($elem in $inputRoot.items)
    {
      "creation_date": "$elem.creation_date",
      "title": "$elem.title",
      "author": "$elem.author.first_name $elem.author.last_name",
      "body": "$elem.body",
      "publish_date": "$elem.publish_date",
      "article_url": "$elem.article_url"
    }#if($foreach.hasNext),#end

#end
  ],
  "version": $inputRoot.version
}`;
    expect(JSON.parse(render(template, { body: JSON.stringify(article) }, { phase: 'response' }).output)).toEqual({
      count: 1,
      items: [
        {
          creation_date: '2015-04-20',
          title: 'Sample Title',
          author: 'John Doe',
          body: 'Sample Body',
          publish_date: '2015-04-25',
          article_url: 'http://www.example.com/articles/3456789012',
        },
      ],
      version: 1,
    });
  });
});

describe('getting-started-lambda-non-proxy-integration.md', () => {
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-lambda-non-proxy-integration.html#getting-started-new-get`: "Endpoint request body after transformations"
  it('maps path, query string and header parameters and a body field for POST /Seattle?time=morning', () => {
    const template = `#set($inputRoot = $input.path('$'))
{
  "city": "$input.params('city')",
  "time": "$input.params('time')",
  "day":  "$input.params('day')",
  "name": "$inputRoot.callerName"
}`;
    const request = {
      httpMethod: 'POST',
      resourcePath: '/{city}',
      path: '/Seattle',
      pathParameters: { city: 'Seattle' },
      queryStringParameters: { time: 'morning' },
      headers: { day: 'Wednesday' },
      body: '{ "callerName": "John" }',
    };
    expect(JSON.parse(render(template, request).output)).toEqual({ city: 'Seattle', time: 'morning', day: 'Wednesday', name: 'John' });
    // The same log prints the method request's parameters as Java maps: "Method request path: {city=Seattle}".
    expect(render('$input.params().path', request).output).toBe('{city=Seattle}');
  });
});

describe('how-to-mock-integration-console.md', () => {
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration-console.html`: the request template picks the status code from ?scope=
  it('a Mock request template selects 200 for scope=internal and 500 otherwise', () => {
    const template = `{
  #if( $input.params('scope') == "internal" )
    "statusCode": 200
  #else
    "statusCode": 500
  #end
}`;
    expect(JSON.parse(render(template, { queryStringParameters: { scope: 'internal' } }).output)).toEqual({ statusCode: 200 });
    expect(JSON.parse(render(template, { queryStringParameters: { scope: 'public' } }).output)).toEqual({ statusCode: 500 });
    expect(JSON.parse(render(template, {}).output)).toEqual({ statusCode: 500 });
  });
});

describe('apigateway-override-request-response-parameters.md', () => {
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html#apigateway-override-request-response-parameters-override-response`
  it('"Override an API\'s response status code": a body containing "error" makes the status 400', () => {
    const template = `#set($inputRoot = $input.path('$'))
$input.json("$")
#if($inputRoot.toString().contains("error"))
#set($context.responseOverride.status = 400)
#end`;
    const backend = { errors: [{ key: 'GetPetRequest.petId', message: 'The value is out of range.' }] };
    const failed = render(template, { pathParameters: { petId: '-1' }, body: JSON.stringify(backend) }, { phase: 'response' });
    expect(JSON.parse(failed.output)).toEqual(backend);
    expect(failed.overrides.responseOverride.status).toBe(400);
    const fine = render(template, { body: '{"id": 1, "type": "dog", "price": 249.99}' }, { phase: 'response' });
    expect(fine.overrides.responseOverride.status).toBeNull();
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html#apigateway-override-request-response-parameters-override-request`
  it('"Override an API\'s request parameters and headers": header3 joins header1 and header2, header1 becomes foo', () => {
    const template = `#set($header1Override = "foo")
#set($header3Value = "$input.params('header1')$input.params('header2')")
$input.json("$")
#set($context.requestOverride.header.header3 = $header3Value)
#set($context.requestOverride.header.header1 = $header1Override)
#set($context.requestOverride.header.multivalueheader=[$header1Override, $header3Value])`;
    const result = render(template, {
      httpMethod: 'GET',
      resourcePath: '/pets',
      headers: { header1: 'header1Val', header2: 'header2Val' },
    });
    // Documented log: "Endpoint request headers: {header3=header1Valheader2Val, header2=header2Val, header1=foo, ...,
    // multivalueheader=foo,header1Valheader2Val}". The request had no body, so $input.json("$") is {}.
    expect(result.overrides.requestOverride.header).toEqual({
      header3: 'header1Valheader2Val',
      header1: 'foo',
      multivalueheader: ['foo', 'header1Valheader2Val'],
    });
    expect(result.output.trim()).toBe('{}');
    expect(result.warnings).toEqual([]);
  });
});
