import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { suiteContext } from './support/suiteContext';
import { waitUntil } from './support/waits';

// Continues from 2-users: the runner's emulator is listed; the commands the steps name have run
// already, so the walkthrough's progress is reset first.

const WALKTHROUGH = 'Get started with ACS Identities';
const STEPS = ['addResource', 'createUser', 'copyToken', 'showClaims'] as const;
type StepId = (typeof STEPS)[number];

suite('Walkthrough', () => {
  const wb = () => suiteContext().workbench;

  const stepId = (id: StepId): string => `acs-tools.acs-identity#getStarted#${id}`;
  const step = (id: StepId): Locator => wb().walkthroughStep(stepId(id));
  const completed = (id: StepId): Promise<boolean> => wb().isWalkthroughStepCompleted(stepId(id));

  async function openWalkthrough(): Promise<void> {
    await wb().runFromPalette('Welcome: Open Walkthrough...');
    await wb().quickPickRow(WALKTHROUGH).click();
    await step('addResource').waitFor();
  }

  /** Expands a step by clicking its title, then clicks one of the buttons its text offers. */
  async function pressStepButton(id: StepId, button: string): Promise<void> {
    const target = step(id);
    if ((await target.getAttribute('aria-expanded')) !== 'true') {
      await target.locator('.step-title').click();
      await waitUntil(`step ${id} to open`, () => target.getAttribute('aria-expanded'), (expanded) => expanded === 'true');
    }
    await target.getByRole('button', { name: button, exact: true }).click();
  }

  async function expectCompleted(id: StepId): Promise<void> {
    await waitUntil(`step ${id} to show as completed`, () => completed(id), (done) => done);
  }

  /** Answers "Choose a resource" and "Choose a user of …" with a click on the row named `label`. */
  async function pick(prompt: string, label: string): Promise<void> {
    await wb().waitForPrompt(prompt);
    await wb().quickPickRow(label).click();
  }

  test('"Get started with ACS Identities" opens from Welcome: Open Walkthrough…, and each step shows as completed once its button did what it says', async () => {
    const { workbench } = suiteContext();
    await workbench.runFromPalette('Developer: Reset Welcome Page Walkthrough Progress');
    await openWalkthrough();
    await wb().page.locator('.gettingStartedContainer h2.category-title', { hasText: WALKTHROUGH }).waitFor();
    for (const id of STEPS) {
      assert.equal(await completed(id), false, `${id} starts not completed`);
    }

    await pressStepButton('addResource', 'Start Local Emulator');
    await workbench.notification(/^The local emulator is running at .* and is listed as "Local emulator"\.$/).waitFor();
    await expectCompleted('addResource');

    await pressStepButton('createUser', 'Create User and Issue Token…');
    await pick('Choose a resource', 'Local emulator');
    // The step completes as the command starts. The walkthrough focuses a step a moment after it is
    // selected (a click on its title): that may come after the prompt took the keyboard focus.
    await expectCompleted('createUser');
    await workbench.waitForPrompt('A label to recognize the user in the list');
    await workbench.refocusQuickInput();
    await workbench.page.keyboard.type('walkthrough user');
    await workbench.pressEnterInQuickInput('Scopes of the token');
    await workbench.pressEnterInQuickInput('Token lifetime in minutes');
    await workbench.pressEnterInQuickInput();
    await workbench.notification(/^Created user walkthrough user in "Local emulator" with a token/).waitFor();

    const token = await workbench.copied(async () => {
      await pressStepButton('copyToken', 'Copy Token');
      await pick('Choose a resource', 'Local emulator');
      await pick('Choose a user of "Local emulator"', 'walkthrough user');
    });
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JSON Web Token was copied');
    await expectCompleted('copyToken');

    await pressStepButton('showClaims', 'Show Token Claims');
    await pick('Choose a resource', 'Local emulator');
    await pick('Choose a user of "Local emulator"', 'walkthrough user');
    await waitUntil('the claims document to open', () => workbench.activeEditorTitle(), (title) => title.includes('walkthrough user token claims.json'));
    // The claims opened over the walkthrough: open it again to see the last step.
    await openWalkthrough();
    for (const id of STEPS) {
      await expectCompleted(id);
    }
  });
});
