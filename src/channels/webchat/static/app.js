/* global WebChat, React */
// The page script: no inline script, so the Content-Security-Policy can forbid inline code.
(function () {
  'use strict';

  var LANGUAGES = {
    da: { locale: 'da-DK', command: 'Dansk' },
    fr: { locale: 'fr-FR', command: 'Français' },
    en: { locale: 'en-US', command: 'English' },
  };
  var DEFAULT_LANGUAGE = 'en';
  var ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  var LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$/;

  var state = { lang: DEFAULT_LANGUAGE, status: 'connecting', texts: {}, directLine: null, store: null, langById: {} };

  var styleOptions = {
    accent: '#0b4f8a',
    hideUploadButton: true,
    rootHeight: '100%',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    bubbleBackground: '#f2f5f8',
    bubbleTextColor: '#1a1a1a',
    bubbleBorderColor: '#6b7280',
    bubbleBorderWidth: 1,
    bubbleFromUserBackground: '#0b4f8a',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#0b4f8a',
    bubbleFromUserBorderWidth: 1,
    subtle: '#4b5563',
    timestampColor: '#4b5563',
    sendBoxPlaceholderColor: '#4b5563',
    sendBoxButtonColor: '#0b4f8a',
    sendBoxButtonColorOnHover: '#073763',
    sendBoxBorderTop: 'solid 1px #6b7280',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionTextColor: '#0b4f8a',
    suggestedActionBorderColor: '#0b4f8a',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 6,
    suggestedActionHeight: 44,
    transcriptVisualKeyboardIndicatorColor: '#c2410c',
    transcriptVisualKeyboardIndicatorWidth: 3,
  };

  function pickLanguage() {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < tags.length; i++) {
      var base = String(tags[i] || '').toLowerCase().split('-')[0];
      if (Object.prototype.hasOwnProperty.call(LANGUAGES, base)) return base;
    }
    return DEFAULT_LANGUAGE;
  }

  function loadTexts(lang) {
    if (state.texts[lang]) return Promise.resolve(state.texts[lang]);
    return fetch('/webchat/i18n/' + lang + '.json', { credentials: 'omit' })
      .then(function (res) {
        if (!res.ok) throw new Error('texts ' + res.status);
        return res.json();
      })
      .then(function (texts) {
        state.texts[lang] = texts;
        return texts;
      });
  }

  function text(key) {
    var texts = state.texts[state.lang] || {};
    return typeof texts[key] === 'string' ? texts[key] : '';
  }

  function applyTexts() {
    document.documentElement.lang = state.lang;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      var value = text(nodes[i].getAttribute('data-i18n'));
      if (value) nodes[i].textContent = value;
    }
    document.title = text('title') || document.title;
    var buttons = document.querySelectorAll('[data-lang]');
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].setAttribute('aria-pressed', String(buttons[j].getAttribute('data-lang') === state.lang));
    }
  }

  function setStatus(key) {
    state.status = key;
    var node = document.getElementById('status');
    node.setAttribute('data-i18n', key);
    node.textContent = text(key);
    node.classList.toggle('error', key === 'connectError');
  }

  // Each message carries its own language (WCAG 3.1.2): the activity's locale, else the page's
  // language when it first appeared, remembered so switching the page later does not relabel it.
  function languageOf(activity) {
    if (activity && typeof activity.locale === 'string' && LANGUAGE_TAG.test(activity.locale)) return activity.locale;
    var id = activity && activity.id;
    if (!id) return LANGUAGES[state.lang].locale;
    if (!state.langById[id]) state.langById[id] = LANGUAGES[state.lang].locale;
    return state.langById[id];
  }

  function activityMiddleware() {
    return function (next) {
      return function () {
        var setup = arguments[0];
        var render = next.apply(null, arguments);
        if (!render) return render;
        return function () {
          return React.createElement('div', { lang: languageOf(setup && setup.activity) }, render.apply(null, arguments));
        };
      };
    };
  }

  function renderChat() {
    WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: LANGUAGES[state.lang].locale,
        styleOptions: styleOptions,
        activityMiddleware: activityMiddleware,
        sendTypingIndicator: false,
      },
      document.getElementById('webchat'),
    );
  }

  // Web Chat copies its locale prop into its store in an effect; a message sent before
  // that would still carry the old locale.
  function whenLocaleApplied(locale) {
    return new Promise(function (resolve) {
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        unsubscribe();
        resolve();
      };
      var unsubscribe = state.store.subscribe(function () {
        if (state.store.getState().language === locale) finish();
      });
      if (state.store.getState().language === locale) finish();
      setTimeout(finish, 1000);
    });
  }

  function switchLanguage(lang) {
    if (!Object.prototype.hasOwnProperty.call(LANGUAGES, lang)) return Promise.resolve();
    return loadTexts(lang).then(function () {
      state.lang = lang;
      applyTexts();
      if (!state.store) return undefined;
      setStatus('languageChanged');
      renderChat();
      return whenLocaleApplied(LANGUAGES[lang].locale).then(function () {
        state.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: LANGUAGES[lang].command, method: 'keyboard' } });
      });
    });
  }

  function startChat() {
    return fetch('/api/directline/token', { method: 'POST', credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      })
      .then(function (session) {
        state.directLine = WebChat.createDirectLine({
          token: session.token,
          domain: session.domain,
          conversationStartProperties: { locale: LANGUAGES[state.lang].locale },
        });
        state.store = WebChat.createStore();
        state.directLine.connectionStatus$.subscribe(function (status) {
          if (status === ConnectionStatus.Online && state.status === 'connecting') setStatus('connected');
          if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.Ended) setStatus('connectError');
        });
        renderChat();
      });
  }

  function init() {
    var buttons = document.querySelectorAll('[data-lang]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        void switchLanguage(event.currentTarget.getAttribute('data-lang'));
      });
    }
    state.lang = pickLanguage();
    loadTexts(state.lang)
      .then(function () {
        applyTexts();
        setStatus('connecting');
        return startChat();
      })
      .catch(function () {
        setStatus('connectError');
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
