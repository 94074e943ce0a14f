// The lesson Markdown subset: normal Markdown becomes plain data, and nothing in an XSS corpus becomes markup or an unsafe link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeHref, parseMarkdown, plainText } from '../dist/index.js';

const text = (t) => ({ type: 'text', text: t });

test('paragraphs, emphasis, strong, links and line breaks', () => {
  assert.deepEqual(parseMarkdown('Read *one* page.\nThen **talk** about it.\n\nSee [the library](https://sppl.org/kids).'), [
    {
      type: 'paragraph',
      children: [
        text('Read '),
        { type: 'em', children: [text('one')] },
        text(' page.'),
        { type: 'break' },
        text('Then '),
        { type: 'strong', children: [text('talk')] },
        text(' about it.'),
      ],
    },
    {
      type: 'paragraph',
      children: [text('See '), { type: 'link', href: 'https://sppl.org/kids', children: [text('the library')] }, text('.')],
    },
  ]);
});

test('bullet and numbered lists, with continuation lines and a start number', () => {
  const blocks = parseMarkdown('- flour\n* sugar\n  and salt\n\n3. mix\n4) bake');
  assert.deepEqual(blocks, [
    { type: 'list', ordered: false, start: 1, items: [[text('flour')], [text('sugar'), { type: 'break' }, text('and salt')]] },
    { type: 'list', ordered: true, start: 3, items: [[text('mix')], [text('bake')]] },
  ]);
});

test('mailto and tel links, nested emphasis in a label, escapes and unmatched markers', () => {
  const [p] = parseMarkdown(
    'Call [**the office**](tel:+1-651-555-0100) or [write](mailto:office@lincoln.example). 2 \\* 3 = 6, *not closed',
  );
  assert.deepEqual(p.children.slice(0, 4), [
    text('Call '),
    { type: 'link', href: 'tel:+1-651-555-0100', children: [{ type: 'strong', children: [text('the office')] }] },
    text(' or '),
    { type: 'link', href: 'mailto:office@lincoln.example', children: [text('write')] },
  ]);
  assert.equal(plainText(p.children), 'Call the office or write. 2 * 3 = 6, *not closed');
});

test('an empty or blank text has no blocks', () => {
  assert.deepEqual(parseMarkdown(''), []);
  assert.deepEqual(parseMarkdown(' \n\n\t\n'), []);
});

/** Every node of a parse, flattened. */
function nodes(blocks) {
  const out = [];
  const walk = (inlines) => {
    for (const n of inlines) {
      out.push(n);
      if (n.children) walk(n.children);
    }
  };
  for (const b of blocks) (b.type === 'paragraph' ? [b.children] : b.items).forEach(walk);
  return out;
}

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<svg/onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1) )',
  '[click](java\tscript:alert(1))',
  '[click](java\nscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript&colon;alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](%6Aavascript:alert(1))',
  '[click](\u0000javascript:alert(1))',
  '[click](\u200Bjavascript:alert(1))',
  '[click](ｊａｖａｓｃｒｉｐｔ:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](//evil.example/x)',
  '[click](https://ok.example/" onmouseover="alert(1))',
  "[click](https://ok.example/' onclick='alert(1))",
  '[click](https://ok.example/<script>)',
  '[a [nested [deep]] label](javascript:alert(1))',
  '[[x](https://ok.example)](javascript:alert(1))',
  '[x](https://ok.example)(javascript:alert(1))',
  '**[x](javascript:alert(1))**',
  '*<b onclick=alert(1)>x</b>*',
  '[x](file:///etc/passwd)',
  '[x](mailto:a@b.example?body=<script>)',
  '[x](tel:javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[x](https://ok.example\\"onclick=alert(1))',
];

test('an XSS corpus comes out as inert text or safe links only', () => {
  for (const input of XSS) {
    const blocks = parseMarkdown(input);
    for (const node of nodes(blocks)) {
      assert.ok(['text', 'em', 'strong', 'link', 'break'].includes(node.type), `${input}: node ${node.type}`);
      if (node.type === 'link') {
        assert.match(node.href, /^(https?:\/\/|mailto:|tel:)/i, `${input}: unsafe href ${node.href}`);
        assert.doesNotMatch(node.href, /[\s"'<>`\\]/, `${input}: href breaks out of its attribute`);
        assert.ok(isSafeHref(node.href));
      }
      assert.deepEqual(
        Object.keys(node).sort(),
        node.type === 'text'
          ? ['text', 'type']
          : node.type === 'break'
            ? ['type']
            : node.type === 'link'
              ? ['children', 'href', 'type']
              : ['children', 'type'],
        'nodes carry data only, never markup fields',
      );
    }
  }
});

test('raw HTML and refused links stay readable as literal text', () => {
  assert.equal(plainText(parseMarkdown('<script>alert(1)</script>')[0].children), '<script>alert(1)</script>');
  const [p] = parseMarkdown('Go [here](javascript:alert(1)) now');
  assert.deepEqual(p.children, [text('Go here now')]);
  const [d] = parseMarkdown('[pic](data:image/png;base64,AAAA)');
  assert.deepEqual(d.children, [text('pic')]);
  // A safe link inside a link label is text too: links never nest.
  const [n] = parseMarkdown('[[x](https://ok.example)](https://outer.example)');
  assert.deepEqual(n.children, [{ type: 'link', href: 'https://outer.example', children: [text('x')] }]);
});

test('pathological input parses quickly', () => {
  const started = performance.now();
  parseMarkdown('['.repeat(10000));
  parseMarkdown('*a'.repeat(5000));
  parseMarkdown('**'.repeat(5000));
  parseMarkdown('[a]('.repeat(2500));
  assert.ok(performance.now() - started < 2000);
});
