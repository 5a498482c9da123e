import { ExpressionError, evaluateTemplate } from "../scripts/lib/terraform-expression";

const KEY = "btp_subaccount_service_binding.k.credentials";

describe("evaluateTemplate", () => {
  it("evaluates jsonencode of an object with interpolations, keys in Terraform's order", async () => {
    const value = await evaluateTemplate(
      '${jsonencode({"b" = "x${jsondecode(btp_subaccount_service_binding.k.credentials).url}y", a = 1, "c" = true})}',
      { [KEY]: '{"url":"U"}' },
    );
    expect(value).toBe('{"a":1,"b":"xUy","c":true}');
  });

  it("reads index traversals, lookup and trimsuffix", async () => {
    const refs = { [KEY]: '{"url":"https://h/","n":{"m":["p","q"]}}' };
    await expect(
      evaluateTemplate('${jsondecode(btp_subaccount_service_binding.k.credentials)["n"].m[1]}', refs),
    ).resolves.toBe("q");
    await expect(
      evaluateTemplate('${lookup(jsondecode(btp_subaccount_service_binding.k.credentials), "url")}', refs),
    ).resolves.toBe("https://h/");
    await expect(
      evaluateTemplate(
        '${trimsuffix(jsondecode(btp_subaccount_service_binding.k.credentials).url, "/")}',
        refs,
      ),
    ).resolves.toBe("https://h");
  });

  it("unescapes quoted strings and keeps literal text of the template as written", async () => {
    await expect(evaluateTemplate('a "b" \\ $${c} ${jsonencode("q\\"<")}', {})).resolves.toBe(
      'a "b" \\ ${c} "q\\"\\u003c"',
    );
  });

  it("decodes escapes of a quoted string interpolated at the top level", async () => {
    await expect(evaluateTemplate('${"a\\"b"}', {})).resolves.toBe('a"b');
  });

  it("fails like Terraform would on a missing reference, attribute or unknown function", async () => {
    await expect(evaluateTemplate("${btp_x.y.z}", {})).rejects.toThrow(
      "no value given for the reference btp_x.y.z",
    );
    await expect(evaluateTemplate(`\${jsondecode(${KEY}).nope}`, { [KEY]: "{}" })).rejects.toThrow(
      ExpressionError,
    );
    await expect(evaluateTemplate('${upper("x")}', {})).rejects.toThrow("unsupported function upper()");
  });
});
