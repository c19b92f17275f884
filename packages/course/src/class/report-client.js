// The class report's page script (plain browser JavaScript, inlined into report.html after d3 and
// Observable Plot). It reads the JSON data block and builds the page with DOM calls; every string
// that came from a submission goes in as text (textContent, createTextNode), never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('class-data').textContent);
  var root = document.getElementById('report');
  root.textContent = '';

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs)
      for (var k in attrs)
        if (attrs[k] !== undefined && attrs[k] !== null) {
          if (k === 'class') e.className = attrs[k];
          else e.setAttribute(k, attrs[k]);
        }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) parent.append(arguments[i]);
    return parent;
  }
  function pct(x) {
    return Math.round(x * 100) + '%';
  }
  function fmt(x) {
    return x === null || x === undefined ? '' : String(Math.round(x * 100) / 100);
  }
  function figure(build, label) {
    var box = el('div', { class: 'figure', role: 'figure', 'aria-label': label });
    try {
      box.append(build());
    } catch (e) {
      box.append(el('p', { class: 'warn' }, 'This figure could not be drawn: ' + e.message));
      console.warn(e);
    }
    return box;
  }

  var students = data.students;
  var graded = students.filter(function (s) {
    return s.file !== null;
  });
  var maxScore = students.length
    ? students[0].max
    : data.exercises.reduce(function (s, e) {
        return s + e.points;
      }, 0);
  var finals = students
    .map(function (s) {
      return s.final;
    })
    .sort(function (a, b) {
      return a - b;
    });
  var medianFinal = finals.length ? (finals.length % 2 ? finals[finals.length >> 1] : (finals[finals.length / 2 - 1] + finals[finals.length / 2]) / 2) : null;

  // Header and summary cards.
  add(
    root,
    el('h1', null, data.title + ': class report'),
    el(
      'p',
      { class: 'muted' },
      'Generated ' +
        data.generatedAt +
        ' · ' +
        graded.length +
        ' submission' +
        (graded.length === 1 ? '' : 's') +
        ' · ' +
        data.exercises.length +
        ' exercises, ' +
        maxScore +
        ' points',
    ),
  );
  var cards = el('div', { class: 'cards' });
  [
    ['students', String(students.length)],
    ['median final', medianFinal === null ? '–' : fmt(medianFinal) + ' / ' + maxScore],
    ['timeouts', String(data.outcomes.timeouts)],
    ['crashes', String(data.outcomes.crashes)],
    ['violations', String(data.outcomes.violations)],
    ['median grading time', data.medianSeconds === null ? '–' : data.medianSeconds.toFixed(1) + ' s'],
  ].forEach(function (c) {
    cards.append(el('div', { class: 'card', 'data-card': c[0] }, el('b', null, c[1]), c[0]));
  });
  root.append(cards);
  root.append(
    el(
      'p',
      { class: 'muted' },
      'Timeouts, crashes and violations count (student, exercise) pairs: an exercise that ran out of time, stopped the sandbox or failed to load, or broke a rule (called the reference, modified its input). Grading took ' +
        (data.totalSeconds === null ? '?' : data.totalSeconds.toFixed(0)) +
        ' s of runner time in all.',
    ),
  );

  // Score distributions.
  root.append(el('h2', { id: 'scores' }, 'Score distribution'));
  root.append(
    figure(function () {
      return Plot.plot({
        height: 220,
        marginLeft: 45,
        x: { label: 'final score', domain: [0, maxScore] },
        y: { label: 'students', grid: true },
        // A full score sits on the domain's end: binned just below it so the last bin [90%, 100%] holds it.
        marks: [
          Plot.rectY(
            students,
            Plot.binX(
              { y: 'count' },
              {
                x: function (s) {
                  return Math.min(s.final, maxScore * 0.999999);
                },
                domain: [0, maxScore],
                thresholds: 10,
                fill: '#4269d0',
                tip: true,
              },
            ),
          ),
          Plot.ruleY([0]),
        ],
      });
    }, 'distribution of final scores'),
  );
  var perExercise = [];
  students.forEach(function (s) {
    s.scores.forEach(function (e) {
      if (e.max > 0) perExercise.push({ exercise: e.id, fraction: e.score / e.max, status: e.status });
    });
  });
  root.append(el('h3', null, 'Per exercise (fraction of its points)'));
  root.append(
    figure(function () {
      return Plot.plot({
        height: Math.max(140, 70 * data.exercises.length),
        marginLeft: 45,
        marginRight: 150,
        x: { label: 'fraction of the exercise\u2019s points', domain: [0, 1] },
        y: { label: 'students', grid: true },
        fy: {
          label: null,
          domain: data.exercises.map(function (e) {
            return e.id;
          }),
        },
        color: {
          legend: true,
          domain: ['passed', 'failed', 'not-started', 'timeout', 'error', 'missing'],
          range: ['#3ca951', '#efb118', '#bdbdc7', '#ff725c', '#d62728', '#e5e5ea'],
        },
        marks: [
          Plot.rectY(
            perExercise,
            Plot.binX(
              { y: 'count' },
              {
                x: function (d) {
                  return Math.min(d.fraction, 0.999999);
                },
                fy: 'exercise',
                fill: 'status',
                domain: [0, 1],
                thresholds: 10,
                tip: true,
              },
            ),
          ),
          Plot.ruleY([0]),
        ],
      });
    }, 'per exercise score fractions'),
  );

  // The tests failed most.
  root.append(el('h2', { id: 'failed-tests' }, 'Tests failed most'));
  if (data.failedTests.length === 0) root.append(el('p', null, 'Every student passed every test.'));
  else {
    root.append(
      figure(function () {
        return Plot.plot({
          height: 30 + 24 * data.failedTests.length,
          marginLeft: 380,
          x: { label: 'students who did not pass', grid: true },
          y: { label: null },
          marks: [
            Plot.barX(data.failedTests, {
              x: 'students',
              y: function (t) {
                var label = t.exercise.slice(0, 2) + ' \u203a ' + t.test;
                return label.length > 58 ? label.slice(0, 57) + '\u2026' : label;
              },
              fill: '#ff725c',
              sort: { y: '-x' },
            }),
            Plot.ruleX([0]),
          ],
        });
      }, 'tests failed most'),
    );
    var ft = el('table', { id: 'failed-tests-table' });
    add(
      ft,
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el('th', null, 'exercise'),
          el('th', null, 'test'),
          el('th', { class: 'num' }, 'students'),
          el('th', null, 'most common first-failure messages (students)'),
        ),
      ),
    );
    var tb = el('tbody');
    data.failedTests.forEach(function (t) {
      var list = el('div');
      t.messages.forEach(function (m) {
        list.append(el('div', { class: 'msg' }, '\u00d7' + m.count + '  ' + m.message));
      });
      tb.append(el('tr', null, el('td', null, t.exercise), el('td', null, t.test), el('td', { class: 'num' }, String(t.students)), el('td', null, list)));
    });
    root.append(add(ft, tb));
  }

  // Outcomes and grading time.
  root.append(el('h2', { id: 'outcomes' }, 'Timeouts, crashes, violations and grading time'));
  root.append(
    figure(function () {
      var o = data.outcomes;
      return Plot.plot({
        height: 150,
        marginLeft: 100,
        x: { label: '(student, exercise) pairs', grid: true },
        y: { label: null },
        marks: [
          Plot.barX(
            [
              { k: 'timeouts', n: o.timeouts },
              { k: 'crashes', n: o.crashes },
              { k: 'violations', n: o.violations },
              { k: 'not started', n: o.notStarted },
            ],
            { x: 'n', y: 'k', fill: '#a463f2' },
          ),
          Plot.text(
            [
              { k: 'timeouts', n: o.timeouts },
              { k: 'crashes', n: o.crashes },
              { k: 'violations', n: o.violations },
              { k: 'not started', n: o.notStarted },
            ],
            {
              x: 'n',
              y: 'k',
              text: function (d) {
                return String(d.n);
              },
              dx: 10,
            },
          ),
          Plot.ruleX([0]),
        ],
      });
    }, 'timeouts crashes violations'),
  );
  var timed = graded.filter(function (s) {
    return s.seconds !== null;
  });
  if (timed.length > 0)
    root.append(
      figure(function () {
        return Plot.plot({
          height: 180,
          marginLeft: 45,
          x: { label: 'grading time per student (s)' },
          y: { label: 'students', grid: true },
          marks: [
            Plot.rectY(timed, Plot.binX({ y: 'count' }, { x: 'seconds', fill: '#6cc5b0' })),
            Plot.ruleX([data.medianSeconds], { stroke: '#1b1b1f', strokeDasharray: '4 3' }),
            Plot.ruleY([0]),
          ],
        });
      }, 'grading time'),
    );

  // Students.
  root.append(el('h2', { id: 'students' }, 'Students'));
  var late = data.late;
  root.append(
    el(
      'p',
      { class: 'muted' },
      late
        ? 'Late policy: deadline ' +
            late.deadline +
            ', ' +
            pct(late.perDay) +
            ' per started day late, at most ' +
            pct(late.max === undefined ? 1 : late.max) +
            ', ' +
            (late.graceMinutes || 0) +
            ' minutes of grace. Submission times: ' +
            summarizeSources() +
            '.'
        : 'No late policy (late in course.config.ts). Submission times: ' + summarizeSources() + '.',
    ),
  );
  function summarizeSources() {
    var count = {};
    graded.forEach(function (s) {
      count[s.timeSource] = (count[s.timeSource] || 0) + 1;
    });
    return (
      Object.keys(count)
        .map(function (k) {
          return k + ' for ' + count[k];
        })
        .join(', ') || 'none'
    );
  }
  var st = el('table', { id: 'students-table' });
  var head = el('tr', null, el('th', null, 'student'), el('th', null, 'name'), el('th', null, 'id'));
  data.exercises.forEach(function (e) {
    head.append(el('th', { class: 'num', title: e.title }, e.id.slice(0, 2)));
  });
  ['total', 'override', 'late', 'final', 'submitted', 'time source', 'grading s'].forEach(function (h) {
    head.append(el('th', { class: /submitted|source/.test(h) ? '' : 'num' }, h));
  });
  var sb = el('tbody');
  students.forEach(function (s) {
    var link = s.file === null ? el('span', null, s.student) : el('a', { href: 'reports/' + encodeURIComponent(s.file) + '.html' }, s.student);
    var tr = el(
      'tr',
      { 'data-student': s.student },
      el('td', null, link, s.error ? el('div', { class: 'msg st-error' }, s.error.split('\n')[0].slice(0, 160)) : null),
      el('td', null, s.name),
      el('td', null, s.studentId),
    );
    s.scores.forEach(function (e) {
      var text = fmt(e.score) + (e.override !== null ? ' \u2192 ' + fmt(e.override) : '');
      tr.append(el('td', { class: 'num st-' + e.status, title: e.status + (e.reason ? ' · override: ' + e.reason : '') }, text));
    });
    tr.append(
      el('td', { class: 'num' }, fmt(s.total)),
      el('td', { class: 'num' }, s.override ? (s.override > 0 ? '+' : '') + fmt(s.override) : ''),
      el(
        'td',
        { class: 'num', title: s.penaltyReason || (s.daysLate ? s.daysLate + ' day(s) late' : '') },
        s.penalty ? '\u2212' + fmt(s.penalty) : s.penaltyReason ? '0' : '',
      ),
      el('td', { class: 'num' }, el('b', null, fmt(s.final))),
      el('td', null, s.submittedAt || ''),
      el('td', null, s.timeSource),
      el('td', { class: 'num' }, s.seconds === null ? '' : s.seconds.toFixed(1)),
    );
    sb.append(tr);
  });
  root.append(add(st, add(el('thead'), head), sb));

  // Overrides.
  var overridden = [];
  students.forEach(function (s) {
    s.scores.forEach(function (e) {
      if (e.override !== null) overridden.push([s.student, e.id, fmt(e.score) + ' \u2192 ' + fmt(e.override), e.reason]);
    });
    if (s.penaltyReason) overridden.push([s.student, 'late', 'penalty ' + fmt(s.penalty), s.penaltyReason]);
  });
  root.append(el('h2', { id: 'overrides' }, 'Overrides'));
  if (overridden.length === 0) root.append(el('p', null, 'No overrides (overrides.csv).'));
  else {
    var ob = el('tbody');
    overridden.forEach(function (o) {
      ob.append(el('tr', null, el('td', null, o[0]), el('td', null, o[1]), el('td', null, o[2]), el('td', null, o[3])));
    });
    root.append(
      add(
        el('table', { id: 'overrides-table' }),
        el('thead', null, el('tr', null, el('th', null, 'student'), el('th', null, 'exercise'), el('th', null, 'points'), el('th', null, 'reason'))),
        ob,
      ),
    );
  }

  // Roster.
  if (data.roster.given) {
    root.append(el('h2', { id: 'roster' }, 'Roster'));
    root.append(
      el(
        'p',
        { id: 'unmatched' },
        data.roster.unmatchedFolders.length
          ? 'Submissions matching no roster row (not in canvas.csv / moodle.csv): ' + data.roster.unmatchedFolders.join(', ') + '.'
          : 'Every submission matched a roster row.',
      ),
    );
    root.append(
      el(
        'p',
        { id: 'missing' },
        data.roster.missing.length
          ? 'On the roster without a submission (final 0): ' + data.roster.missing.join(', ') + '.'
          : 'Everyone on the roster submitted.',
      ),
    );
  }

  // Similarity.
  root.append(el('h2', { id: 'similarity' }, 'Similarity'));
  root.append(
    el(
      'p',
      null,
      'Per exercise, each pair of submissions is compared on token fingerprints (winnowing, as MOSS does): renamed identifiers, changed comments, layout and reordered functions do not hide shared code, and the starter code is left out. A score is the fraction of both files\u2019 fingerprints they share. It is evidence to read, not a verdict: short exercises leave little room to differ. Pairs at or above ' +
        pct(data.similarity.threshold) +
        ' are listed with the matching lines side by side.',
    ),
  );
  if (data.similarity.all.length > 0)
    root.append(
      figure(function () {
        var points = data.similarity.all.map(function (d) {
          return { exercise: data.exercises[d[0]].id, similarity: d[1] };
        });
        return Plot.plot({
          height: Math.max(120, 40 * data.exercises.length),
          marginLeft: 150,
          x: { label: 'similarity of a pair (each dot a pair of students)', domain: [0, 1] },
          y: {
            label: null,
            domain: data.exercises.map(function (e) {
              return e.id;
            }),
          },
          marks: [
            Plot.dot(points, {
              x: 'similarity',
              y: 'exercise',
              r: 3,
              strokeOpacity: 0.6,
              stroke: function (d) {
                return d.similarity >= data.similarity.threshold ? '#d62728' : '#9a9aa8';
              },
            }),
            Plot.ruleX([data.similarity.threshold], { stroke: '#d62728', strokeDasharray: '4 3' }),
          ],
        });
      }, 'pair similarities'),
    );
  if (data.similarity.flagged.length === 0) root.append(el('p', { id: 'no-similar' }, 'No pair reaches the threshold.'));
  else {
    var fb = el('tbody');
    data.similarity.flagged.forEach(function (p) {
      fb.append(
        el(
          'tr',
          null,
          el('td', null, p.exercise),
          el('td', null, p.left),
          el('td', null, p.right),
          el('td', { class: 'num' }, pct(p.similarity)),
          el('td', { class: 'num' }, String(p.longest)),
        ),
      );
    });
    root.append(
      add(
        el('table', { id: 'similar-pairs' }),
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', null, 'exercise'),
            el('th', null, 'student'),
            el('th', null, 'student'),
            el('th', { class: 'num' }, 'similarity'),
            el('th', { class: 'num' }, 'longest shared run'),
          ),
        ),
        fb,
      ),
    );
    if (data.similarity.more > 0)
      root.append(
        el(
          'p',
          { class: 'warn', id: 'more-pairs' },
          data.similarity.more +
            ' more pairs are at or above the threshold and not listed: raise similarity.threshold in course.config.ts to see the strongest ones.',
        ),
      );
    root.append(
      el(
        'p',
        { class: 'muted' },
        'Open a pair to read the two files side by side, the matching lines marked (the first ' + Math.min(60, data.similarity.flagged.length) + ' pairs).',
      ),
    );
  }
  data.similarity.flagged.forEach(function (p) {
    var leftSource = data.similarity.sources[p.exercise + '/' + p.left];
    var rightSource = data.similarity.sources[p.exercise + '/' + p.right];
    if (leftSource === undefined || rightSource === undefined) return;
    var d = el('details', { class: 'pair', 'data-left': p.left, 'data-right': p.right, 'data-exercise': p.exercise });
    d.append(
      el(
        'summary',
        null,
        p.exercise + ': ' + p.left + ' \u2194 ' + p.right + ' \u2014 ' + pct(p.similarity) + ' (longest shared run: ' + p.longest + ' fingerprints)',
      ),
    );
    d.append(
      add(
        el('div', { class: 'side' }),
        codeView(
          p.left,
          leftSource,
          p.regions.map(function (r) {
            return r.left;
          }),
        ),
        codeView(
          p.right,
          rightSource,
          p.regions.map(function (r) {
            return r.right;
          }),
        ),
      ),
    );
    root.append(d);
  });
  function codeView(who, source, ranges) {
    var pre = el('pre', { class: 'code' });
    source.split('\n').forEach(function (line, i) {
      var hit = ranges.some(function (r) {
        return i >= r[0] && i <= r[1];
      });
      pre.append(el('span', { class: hit ? 'hit' : null, 'data-n': String(i + 1) }, line));
    });
    return el('div', null, el('h3', null, who), pre);
  }
  document.documentElement.setAttribute('data-rendered', 'yes');
})();
