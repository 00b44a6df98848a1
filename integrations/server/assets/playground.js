// The vianet-privacy playground: builds a request from the vocabulary the
// service publishes (/v1/vocabulary), asks /v1/decide as the fields change,
// and shows the decision with its clause's text (/v1/clauses) in English
// and Chinese. The URL's query holds the request and the language, so a
// link shares it: /?party=supplier&location=taiwan&authorizations=a,b&lang=zh-CN
"use strict";

const UI = {
  en: {
    title: "vianet-privacy playground",
    subtitle: "Privacy Statement for Online Services Operated by 21Vianet (updated December 1, 2020)",
    request: "Request",
    decision: "Decision",
    loading: "Loading the vocabulary…",
    deciding: "Deciding…",
    missing: "Any one of these authorizations would allow it",
    clause: "Clause",
    obligations: "Obligations",
    no_obligations: "No obligations.",
    advisories: "Pass on to the customer",
    decision_id: "Decision id",
    version: "Statement version",
    json: "The request and the answer as JSON",
    share: "Link to this request",
    allow: "Allowed",
    deny: "Denied",
    error: "Not decided: bad input",
    unreachable: "The service did not answer",
    not_in_chinese: "This passage is not in the Chinese text of the statement.",
    none: "(none)",
    unknown: "not in the vocabulary",
    time_hint: "2024-03-01T09:30:00+08:00, or a date",
    date_hint: "YYYY-MM-DD",
    path: "Where",
    expected: "Valid values",
    fields: {
      service: "Online Service", party: "Party", action: "Action", data: "Data", purpose: "Purpose",
      location: "Location", authorizations: "Authorizations", circumstance: "Circumstance",
      objections: "Objections", at: "At (time of the processing)", service_terminated_at: "Service terminated at",
      trial_ended_at: "Trial ended at", subject_birth_date: "Data subject's birth date", preview: "Preview release",
    },
  },
  "zh-CN": {
    title: "vianet-privacy 策略试用页",
    subtitle: "由世纪互联运营的在线服务隐私声明（2020年12月1日更新）",
    request: "请求",
    decision: "判定",
    loading: "正在加载词汇表…",
    deciding: "正在判定…",
    missing: "具备以下任一授权即可允许",
    clause: "条款",
    obligations: "义务",
    no_obligations: "无义务。",
    advisories: "须告知客户",
    decision_id: "判定编号",
    version: "声明版本",
    json: "请求与应答（JSON）",
    share: "本请求的链接",
    allow: "允许",
    deny: "拒绝",
    error: "未判定：输入有误",
    unreachable: "服务没有应答",
    not_in_chinese: "本声明的中文文本中没有此段。",
    none: "（无）",
    unknown: "不在词汇表中",
    time_hint: "2024-03-01T09:30:00+08:00，或日期",
    date_hint: "YYYY-MM-DD",
    path: "位置",
    expected: "有效取值",
    fields: {
      service: "在线服务", party: "参与方", action: "操作", data: "数据", purpose: "目的",
      location: "地点", authorizations: "授权", circumstance: "情形",
      objections: "拒绝选项", at: "时间（处理发生时）", service_terminated_at: "服务终止时间",
      trial_ended_at: "试用结束时间", subject_birth_date: "数据主体出生日期", preview: "预览版本",
    },
  },
};

// The request's fields: [name, vocabulary list, kind].
const FIELDS = [
  ["service", "service", "one"],
  ["party", "party", "one"],
  ["action", "action", "one"],
  ["data", "data", "one"],
  ["purpose", "purpose", "one"],
  ["location", "location", "one"],
  ["authorizations", "authorization", "many"],
  ["circumstance", "circumstance", "optional"],
  ["objections", "objection", "many"],
  ["at", null, "time"],
  ["service_terminated_at", null, "time"],
  ["trial_ended_at", null, "time"],
  ["subject_birth_date", null, "date"],
  ["preview", null, "flag"],
];

// A request to start from when the link names none: an overseas supplier
// asking for support contact data.
const START = {
  service: "office_365", party: "supplier", action: "access", data: "support_contact_info",
  purpose: "resolve_support_issue", location: "taiwan",
};

let vocabulary = null;
let clauses = new Map();
let lang = "en";
let lastAnswer = null;
let asked = 0;

const $ = (id) => document.getElementById(id);

function label(list, value) {
  const entry = (vocabulary[list] || []).find((item) => item.value === value);
  return entry ? entry[lang] : value;
}

function text(key) {
  return UI[lang][key];
}

function buildForm(preset) {
  const fields = $("fields");
  fields.textContent = "";
  for (const [name, list, kind] of FIELDS) {
    const row = document.createElement("div");
    row.className = "field field-" + kind;
    const title = document.createElement(kind === "many" ? "span" : "label");
    title.className = "field-name";
    title.dataset.field = name;
    title.textContent = UI[lang].fields[name];
    row.appendChild(title);
    if (kind === "one" || kind === "optional") {
      const select = document.createElement("select");
      select.id = "f-" + name;
      select.name = name;
      title.htmlFor = select.id;
      if (kind === "optional") {
        const none = document.createElement("option");
        none.value = "";
        none.dataset.none = "1";
        select.appendChild(none);
      }
      for (const item of vocabulary[list]) {
        const option = document.createElement("option");
        option.value = item.value;
        select.appendChild(option);
      }
      const wanted = preset[name] || (kind === "optional" ? "" : vocabulary[list][0].value);
      if (wanted && !vocabulary[list].some((item) => item.value === wanted)) {
        // A link with a name the vocabulary does not have: keep it and let
        // the service say what is wrong, rather than decide something else.
        const unknown = document.createElement("option");
        unknown.value = wanted;
        unknown.dataset.unknown = "1";
        select.appendChild(unknown);
      }
      select.value = wanted;
      row.appendChild(select);
    } else if (kind === "many") {
      const box = document.createElement("div");
      box.className = "checks";
      box.id = "f-" + name;
      const chosen = new Set((preset[name] || "").split(",").filter(Boolean));
      const known = new Set(vocabulary[list].map((item) => item.value));
      const unknown = [...chosen].filter((value) => !known.has(value)).map((value) => ({ value, unknown: true }));
      for (const item of [...vocabulary[list], ...unknown]) {
        const check = document.createElement("label");
        if (item.unknown) check.dataset.unknown = "1";
        const input = document.createElement("input");
        input.type = "checkbox";
        input.name = name;
        input.value = item.value;
        input.checked = chosen.has(item.value);
        check.appendChild(input);
        check.appendChild(document.createElement("span"));
        box.appendChild(check);
      }
      row.appendChild(box);
    } else if (kind === "flag") {
      const input = document.createElement("input");
      input.type = "checkbox";
      input.id = "f-" + name;
      input.name = name;
      input.checked = preset[name] === "true";
      title.htmlFor = input.id;
      row.appendChild(input);
    } else {
      const input = document.createElement("input");
      input.type = "text";
      input.id = "f-" + name;
      input.name = name;
      input.value = preset[name] || "";
      title.htmlFor = input.id;
      row.appendChild(input);
    }
    fields.appendChild(row);
  }
  relabel();
}

// Writes every text of the page in the current language.
function relabel() {
  document.documentElement.lang = lang;
  document.body.dataset.lang = lang;
  for (const element of document.querySelectorAll("[data-t]")) {
    element.textContent = text(element.dataset.t);
  }
  for (const element of document.querySelectorAll("[data-field]")) {
    element.textContent = UI[lang].fields[element.dataset.field];
  }
  for (const [name, list, kind] of FIELDS) {
    if (kind === "one" || kind === "optional") {
      for (const option of $("f-" + name).options) {
        option.textContent = option.dataset.none
          ? text("none")
          : option.dataset.unknown
            ? option.value + " — " + text("unknown")
            : label(list, option.value) + " — " + option.value;
      }
    } else if (kind === "many") {
      for (const check of $("f-" + name).querySelectorAll("label")) {
        const value = check.querySelector("input").value;
        check.querySelector("span").textContent = check.dataset.unknown
          ? value + " — " + text("unknown")
          : label(list, value) + " (" + value + ")";
      }
    } else if (kind === "time" || kind === "date") {
      $("f-" + name).placeholder = text(kind === "date" ? "date_hint" : "time_hint");
    }
  }
  for (const button of document.querySelectorAll(".languages button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  if (lastAnswer) render(lastAnswer);
}

// The request the form describes, and the same as a URL query.
function currentRequest() {
  const request = {};
  const query = new URLSearchParams();
  for (const [name, , kind] of FIELDS) {
    if (kind === "many") {
      const values = [...$("f-" + name).querySelectorAll("input:checked")].map((input) => input.value);
      if (values.length) {
        request[name] = values;
        query.set(name, values.join(","));
      }
    } else if (kind === "flag") {
      if ($("f-" + name).checked) {
        request[name] = true;
        query.set(name, "true");
      }
    } else {
      const value = $("f-" + name).value.trim();
      if (value) {
        request[name] = value;
        query.set(name, value);
      }
    }
  }
  query.set("lang", lang);
  return { request, query };
}

async function decide() {
  const { request, query } = currentRequest();
  const link = "/?" + query.toString();
  history.replaceState(null, "", link);
  $("share").href = link;
  $("request-json").textContent = JSON.stringify(request, null, 2);
  const ticket = ++asked;
  document.body.dataset.state = "deciding";
  $("status").hidden = false;
  $("status").textContent = text("deciding");
  let answer;
  try {
    const response = await fetch("/v1/decide", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    answer = { status: response.status, body: await response.json() };
  } catch (err) {
    answer = { status: 0, body: { error: { kind: "unreachable", message: String(err) } } };
  }
  if (ticket !== asked) return; // a later change has been asked since
  lastAnswer = answer;
  render(answer);
}

function list(element, items) {
  element.textContent = "";
  for (const [value, shown] of items) {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = value;
    item.appendChild(document.createTextNode(shown + " "));
    item.appendChild(code);
    element.appendChild(item);
  }
}

function render(answer) {
  $("answer-json").textContent = JSON.stringify(answer.body, null, 2);
  $("status").hidden = true;
  const decision = answer.body.decision;
  if (answer.status !== 200 || !decision) {
    const error = answer.body.error || { kind: "unreachable", message: text("unreachable") };
    $("outcome").hidden = true;
    $("error").hidden = false;
    $("error-kind").textContent = text("error") + " — " + error.kind;
    $("error-message").textContent = error.message;
    $("error-path").textContent = error.path ? text("path") + ": " + error.path : "";
    $("error-expected").textContent = error.expected ? text("expected") + ": " + error.expected.join(", ") : "";
    document.body.dataset.state = "error";
    document.body.dataset.effect = "";
    document.body.dataset.clause = "";
    return;
  }
  $("error").hidden = true;
  $("outcome").hidden = false;
  const effect = $("effect");
  effect.textContent = text(decision.effect);
  effect.className = "effect " + decision.effect;
  $("deny-kind").textContent = decision.kind ? label("deny_kind", decision.kind) : "";
  $("reason").textContent = decision.reason ? label("reason", decision.reason) : "";
  const missing = decision.missing || [];
  $("missing-box").hidden = missing.length === 0;
  list($("missing"), missing.map((value) => [value, label("authorization", value)]));
  const clause = clauses.get(decision.clause);
  $("clause-id").textContent = decision.clause;
  $("clause-title").textContent = clause ? clause.title[lang] : "";
  $("passage-en").textContent = clause ? clause.passage.en : "";
  const zh = clause ? clause.passage["zh-CN"] : null;
  const passageZh = $("passage-zh");
  passageZh.textContent = zh || text("not_in_chinese");
  passageZh.classList.toggle("absent", !zh);
  passageZh.dataset.absent = zh ? "false" : "true";
  const obligations = decision.obligations || [];
  if (obligations.length) {
    list($("obligations"), obligations.map((value) => [value, label("obligation", value)]));
  } else {
    $("obligations").textContent = "";
    const item = document.createElement("li");
    item.className = "none";
    item.textContent = text("no_obligations");
    $("obligations").appendChild(item);
  }
  const advisories = decision.advisories || [];
  $("advisories-box").hidden = advisories.length === 0;
  list($("advisories"), advisories.map((value) => [value, label("advisory", value)]));
  $("decision-id").textContent = answer.body.decision_id;
  $("statement-version").textContent = decision.statement_version;
  document.body.dataset.state = "decided";
  document.body.dataset.effect = decision.effect;
  document.body.dataset.clause = decision.clause;
}

async function start() {
  const query = new URLSearchParams(location.search);
  const preset = {};
  const named = FIELDS.some(([name]) => query.has(name));
  for (const [name] of FIELDS) {
    if (query.has(name)) preset[name] = query.get(name);
    else if (!named && START[name]) preset[name] = START[name];
  }
  lang = query.get("lang") === "zh-CN" || query.get("lang") === "zh" ? "zh-CN" : "en";
  try {
    const [vocab, catalog] = await Promise.all([
      fetch("/v1/vocabulary").then((response) => response.json()),
      fetch("/v1/clauses").then((response) => response.json()),
    ]);
    vocabulary = vocab;
    clauses = new Map(catalog.map((clause) => [clause.id, clause]));
  } catch (err) {
    $("status").textContent = text("unreachable") + ": " + err;
    document.body.dataset.state = "error";
    return;
  }
  buildForm(preset);
  $("request").addEventListener("change", decide);
  $("request").addEventListener("submit", (event) => {
    event.preventDefault();
    decide();
  });
  for (const button of document.querySelectorAll(".languages button")) {
    button.addEventListener("click", () => {
      lang = button.dataset.lang;
      relabel();
      decide();
    });
  }
  decide();
}

start();
