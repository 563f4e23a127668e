// Stylelint for style/*.css: the standard config, with JupyterLab's naming.
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    // JupyterLab's class names: jp-NotecastPart-element, beside JupyterLab's own jp-/lm- classes.
    'selector-class-pattern': [
      '^(jp|lm)-[A-Za-z0-9]+(-[A-Za-z0-9]+)*$',
      { message: name => `Expected class "${name}" to be named like JupyterLab's (jp-NotecastPart-element)` }
    ],
    // Theme colours, fonts and sizes come from JupyterLab's --jp-* variables; ours are --jp-notecast-*.
    'custom-property-pattern': [
      '^jp-[a-z0-9]+(-[a-z0-9]+)*$',
      { message: name => `Expected custom property "${name}" to be a JupyterLab --jp-* variable` }
    ],
    // The visually hidden pattern keeps `clip` beside `clip-path` for browsers and screen
    // readers that predate clip-path (docs/explanation/accessibility.md, R8); every other deprecated property is refused.
    'property-no-deprecated': [true, { ignoreProperties: ['clip'] }]
  },
  overrides: [
    {
      // The web player (<notecast-player>) lives in any page, not in JupyterLab: its classes are
      // nc-* in its shadow root, Lezer's tok-*, notecast-* in the page; its variables --notecast-*.
      files: ['style/web/**/*.css'],
      rules: {
        'selector-class-pattern': [
          '^(nc|tok|notecast)-[A-Za-z0-9]+(-[A-Za-z0-9]+)*$',
          { message: name => `Expected class "${name}" to be nc-*, tok-* or notecast-*` }
        ],
        'custom-property-pattern': ['^notecast-[a-z0-9]+(-[a-z0-9]+)*$', { message: name => `Expected custom property "${name}" to be --notecast-*` }]
      }
    }
  ]
};
