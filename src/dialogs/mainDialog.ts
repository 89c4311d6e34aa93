import {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Knowledge } from '../knowledge/load';
import type { Classification, Lang } from '../nlu/types';
import type { Translations } from '../i18n';
import type { Detection } from '../nlu/detect';
import { languageTurn, turnLanguage } from '../bot/turnLanguage';
import { QuestionIndex, matchKey } from './matching';
import {
  MAX_MESSAGE_CHARS,
  answerReply,
  clarifyReply,
  declineReply,
  helpReply,
  isGroupConversation,
  languageChosenReply,
  languageMenuReply,
  tooLongReply,
  type ReplyView,
} from './replies';

export const MAIN_DIALOG = 'mainDialog';
const QUESTION_FLOW = 'questionFlow';

/** What the dialog needs from the matching engine (the real Engine satisfies it). */
export interface QuestionClassifier {
  classify(text: string, lang?: Lang): Classification;
  detectLanguage(text: string): Detection | undefined;
}

export interface MainDialogDeps {
  classifier: QuestionClassifier;
  knowledge: Knowledge;
  i18n: Translations;
  logger: Logger;
}

/** Kept in dialog state between a "Did you mean…" and the user's pick: intent ids only, never text. */
interface PendingChoice {
  candidates: string[];
}

/**
 * One question, one reply: answer, ask which question was meant, or decline. After a
 * "Did you mean…" the next message is first matched against the offered questions (by
 * text in any language, or by number); anything else starts over as a new question.
 */
export class MainDialog extends ComponentDialog {
  private readonly questions: QuestionIndex;

  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.questions = QuestionIndex.build(
      deps.knowledge.intents.map((i) => i.id),
      deps.i18n,
    );
    this.addDialog(new WaterfallDialog(QUESTION_FLOW, [this.askStep.bind(this), this.pickStep.bind(this)]));
    this.initialDialogId = QUESTION_FLOW;
  }

  /** Runs one turn: continues a pending "Did you mean…" or starts with a new question. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private view(context: TurnContext, lang: Lang = turnLanguage(context)): ReplyView {
    return { lang, t: this.deps.i18n.forLanguage(lang), group: isGroupConversation(context.activity.conversation?.conversationType) };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const message = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const turn = languageTurn(context);
    const view = this.view(context);
    const log = this.deps.logger.child({ lang: view.lang });

    if (message === '') {
      const textOnly = (context.activity.attachments?.length ?? 0) > 0;
      log.info({ route: 'help', textOnly }, 'reply');
      await context.sendActivity(helpReply(view, { textOnly }));
      return step.endDialog();
    }
    if ([...message].length > MAX_MESSAGE_CHARS) {
      log.info({ route: 'tooLong' }, 'reply');
      await context.sendActivity(tooLongReply(view));
      return step.endDialog();
    }
    if (turn?.command?.kind === 'menu') {
      log.info({ route: 'languageMenu' }, 'reply');
      await context.sendActivity(languageMenuReply(view));
      return step.endDialog();
    }
    if (turn?.command?.kind === 'switch') {
      log.info({ route: 'languageChosen', withQuestion: turn.question !== '' }, 'reply');
      await context.sendActivity(languageChosenReply(view));
      if (turn.question === '') return step.endDialog();
    }
    const text = turn ? turn.question : message;
    const known = this.questions.find(text);
    if (known) {
      log.info({ route: 'answer', intent: known, match: 'question' }, 'reply');
      await this.answer(context, view, known);
      return step.endDialog();
    }

    // The question is matched in the language it is written in, whatever the reply language.
    const result = this.deps.classifier.classify(text, turn?.textLang);
    log.info({ route: result.decision, intent: result.intent, best: result.best, score: result.score, match: 'engine' }, 'reply');
    if (result.decision === 'answer' && result.intent && this.deps.knowledge.byId.has(result.intent)) {
      await this.answer(context, view, result.intent);
      return step.endDialog();
    }
    const candidates = [...new Set(result.candidates.map((c) => c.intent))].filter((id) => this.deps.knowledge.byId.has(id)).slice(0, 3);
    if (result.decision === 'clarify' && candidates.length > 0) {
      await context.sendActivity(clarifyReply(view, candidates));
      (step.values as PendingChoice).candidates = candidates;
      return Dialog.EndOfTurn;
    }
    await context.sendActivity(declineReply(view));
    return step.endDialog();
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = typeof step.context.activity.text === 'string' ? step.context.activity.text : '';
    const picked = this.pick(text, pendingCandidates(step.values));
    if (!picked) return step.replaceDialog(QUESTION_FLOW);
    const view = this.view(step.context);
    this.deps.logger.info({ lang: view.lang, route: 'answer', intent: picked, match: 'pick' }, 'reply');
    await this.answer(step.context, view, picked);
    return step.endDialog();
  }

  /** The offered question the message picks: its number ("2"), or its text in any language. */
  private pick(text: string, candidates: readonly string[]): string | undefined {
    const key = matchKey(text);
    if (/^[1-9]$/.test(key)) return candidates[Number(key) - 1];
    const intent = this.questions.find(text);
    return intent !== undefined && candidates.includes(intent) ? intent : undefined;
  }

  private async answer(context: TurnContext, view: ReplyView, intentId: string): Promise<void> {
    const intent = this.deps.knowledge.byId.get(intentId);
    if (!intent) throw new Error(`no knowledge for intent "${intentId}"`);
    await context.sendActivity(answerReply(view, intent));
  }
}

function pendingCandidates(values: object): string[] {
  const candidates: unknown = (values as Partial<PendingChoice>).candidates;
  return Array.isArray(candidates) ? candidates.filter((c): c is string => typeof c === 'string') : [];
}
